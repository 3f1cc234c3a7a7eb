// Evaluates ValidatingAdmissionPolicies the way the API server does, with a real CEL engine (@bufbuild/cel), for
// the tests in tests/ArgoSecure.Tests/Enforcement. One JSON request per line on standard input, one JSON answer
// per line on standard output:
//   {"id": 1, "check": {policy spec}}                  -> {"id": 1, "problems": [...]}
//   {"id": 2, "policy": {policy spec}, "request": {...}} -> {"id": 2, "outcome": "skipped|admitted|denied", "messages": [...], "errors": [...]}
// "check" parses every expression and lists what the API server's CEL environment would refuse (an unknown
// function or variable, a variable read before it is defined). "request" follows the admission order: match
// conditions (any false: skipped), variables, then validations (false: the validation's message; an error counts
// as a denial, as with failurePolicy Fail).
import { createInterface } from "node:readline";
import { celEnv, isCelError, parse, plan } from "@bufbuild/cel";

// Standard CEL operators and functions that Kubernetes' CEL environment offers (cel-go's standard library).
const functions = new Set([
  "_&&_", "_||_", "!_", "_?_:_", "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_", "_+_", "_-_", "_*_", "_/_", "_%_", "-_",
  "_[_]", "@in", "@not_strictly_false", "size", "type", "startsWith", "endsWith", "contains", "matches",
  "int", "uint", "double", "string", "bool", "dyn",
]);

// Type denotations (type(x) == map) and the variables of a policy's expressions.
const typeNames = new Set(["map", "list", "null_type", "int", "uint", "double", "bool", "string", "bytes", "type"]);
const admissionVariables = ["object", "oldObject", "request", "params", "namespaceObject", "authorizer"];

function problemsOf(source, declared, variableNames) {
  let ast;
  try {
    ast = parse(source).expr;
  } catch (e) {
    return [`does not parse: ${e.message}`];
  }

  const problems = [];
  const walk = (expr, bound) => {
    if (!expr || !expr.exprKind) {
      return;
    }

    const { case: kind, value } = expr.exprKind;
    switch (kind) {
      case "identExpr":
        if (!bound.has(value.name) && !declared.has(value.name) && !typeNames.has(value.name)) {
          problems.push(`unknown variable '${value.name}'`);
        }
        return;
      case "selectExpr":
        if (value.operand?.exprKind?.case === "identExpr" && value.operand.exprKind.value.name === "variables" && declared.has("variables") && !bound.has("variables")) {
          if (!variableNames.includes(value.field)) {
            problems.push(`variables.${value.field} is not defined before it is read`);
          }
        }
        walk(value.operand, bound);
        return;
      case "callExpr":
        if (!functions.has(value.function)) {
          problems.push(`function '${value.function}' is not in the standard CEL library`);
        }
        walk(value.target, bound);
        value.args.forEach(a => walk(a, bound));
        return;
      case "listExpr":
        value.elements.forEach(e => walk(e, bound));
        return;
      case "structExpr":
        value.entries.forEach(e => {
          if (e.keyKind?.case === "mapKey") {
            walk(e.keyKind.value, bound);
          }
          walk(e.value, bound);
        });
        return;
      case "comprehensionExpr": {
        walk(value.iterRange, bound);
        walk(value.accuInit, bound);
        const inner = new Set(bound);
        [value.iterVar, value.iterVar2, value.accuVar].filter(Boolean).forEach(v => inner.add(v));
        walk(value.loopCondition, inner);
        walk(value.loopStep, inner);
        walk(value.result, inner);
        return;
      }
      default:
        return;
    }
  };
  walk(ast, new Set());
  return problems.map(p => `${p} in: ${source}`);
}

function check(spec) {
  const problems = [];
  const noVariables = new Set(admissionVariables);
  const withVariables = new Set([...admissionVariables, "variables"]);
  for (const condition of spec.matchConditions ?? []) {
    problems.push(...problemsOf(condition.expression, noVariables, []));
  }

  const names = [];
  for (const variable of spec.variables ?? []) {
    problems.push(...problemsOf(variable.expression, withVariables, [...names]));
    names.push(variable.name);
  }

  for (const validation of spec.validations ?? []) {
    problems.push(...problemsOf(validation.expression, withVariables, names));
    if (validation.messageExpression) {
      problems.push(...problemsOf(validation.messageExpression, withVariables, names));
    }
  }

  return problems;
}

// JSON as the API server hands it to CEL: objects are maps, whole numbers are ints.
function toCel(value) {
  if (Array.isArray(value)) {
    return value.map(toCel);
  }

  if (value !== null && typeof value === "object") {
    return new Map(Object.entries(value).map(([k, v]) => [k, toCel(v)]));
  }

  if (typeof value === "number" && Number.isInteger(value)) {
    return BigInt(value);
  }

  return value;
}

const env = celEnv();
const programs = new Map();

function evaluate(source, bindings) {
  let program = programs.get(source);
  if (!program) {
    program = plan(env, parse(source));
    programs.set(source, program);
  }

  return program(bindings);
}

function admit(spec, request) {
  const bindings = {
    object: toCel(request.object ?? null),
    oldObject: toCel(request.oldObject ?? null),
    request: toCel({ operation: request.operation, userInfo: { username: request.username }, namespace: request.namespace ?? "" }),
  };

  const errors = [];
  let skipped = false;
  for (const condition of spec.matchConditions ?? []) {
    const result = evaluate(condition.expression, bindings);
    if (isCelError(result) || typeof result !== "boolean") {
      errors.push(`matchCondition ${condition.name}: ${isCelError(result) ? result.message : "not a bool"}`);
    } else if (!result) {
      skipped = true;
    }
  }

  if (skipped) {
    return { outcome: "skipped", messages: [], errors: [] };
  }

  if (errors.length > 0) {
    return { outcome: "denied", messages: [], errors };
  }

  const variables = new Map();
  bindings.variables = variables;
  for (const variable of spec.variables ?? []) {
    const result = evaluate(variable.expression, bindings);
    if (isCelError(result)) {
      errors.push(`variable ${variable.name}: ${result.message}`);
    } else {
      variables.set(variable.name, result);
    }
  }

  const messages = [];
  for (const validation of spec.validations ?? []) {
    const result = evaluate(validation.expression, bindings);
    if (isCelError(result) || typeof result !== "boolean") {
      errors.push(`${validation.message}: ${isCelError(result) ? result.message : "not a bool"}`);
    } else if (!result) {
      messages.push(validation.message);
    }
  }

  return { outcome: messages.length > 0 || errors.length > 0 ? "denied" : "admitted", messages, errors };
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  if (line.trim() === "") {
    continue;
  }

  let answer;
  let id = null;
  try {
    const message = JSON.parse(line);
    id = message.id;
    answer = message.check ? { problems: check(message.check) } : admit(message.policy, message.request);
  } catch (e) {
    answer = { failure: String(e?.stack ?? e) };
  }

  process.stdout.write(JSON.stringify({ id, ...answer }) + "\n");
}
