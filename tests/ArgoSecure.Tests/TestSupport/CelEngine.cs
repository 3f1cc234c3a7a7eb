using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace ArgoSecure.Tests.TestSupport;

/// <summary>
/// A real CEL engine (@bufbuild/cel, run by node from tests/cel, installed with <c>npm ci</c>) that evaluates
/// ValidatingAdmissionPolicies in the API server's order: match conditions, variables, validations. One node
/// process serves every test; requests are one JSON line each.
/// </summary>
public sealed class CelEngine : IDisposable
{
    private static readonly Lazy<CelEngine> SharedEngine = new(() => new CelEngine());
    private readonly Process node;
    private readonly Lock gate = new();
    private int nextId;

    private CelEngine()
    {
        var folder = Path.Combine(Upstream.RepositoryRoot, "tests", "cel");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@bufbuild", "cel")))
        {
            throw new InvalidOperationException($"The CEL engine is not installed: run 'npm ci' in {folder} (the test project's build does it when npm is on PATH).");
        }

        var start = new ProcessStartInfo("node", [Path.Combine(folder, "admit.mjs")])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        node = Process.Start(start) ?? throw new InvalidOperationException("node did not start: install Node.js 20 or later.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>The engine every test shares.</summary>
    public static CelEngine Shared => SharedEngine.Value;

    /// <summary>What the API server's CEL environment would refuse in the policy's expressions (empty: nothing).</summary>
    public IReadOnlyList<string> Check(V1ValidatingAdmissionPolicySpec spec)
    {
        var answer = Send(new JsonObject { ["check"] = ToJson(spec) });
        return answer["problems"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
    }

    /// <summary>Runs one admission request through the policy.</summary>
    public AdmissionResult Admit(V1ValidatingAdmissionPolicySpec spec, AdmissionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var answer = Send(new JsonObject
        {
            ["policy"] = ToJson(spec),
            ["request"] = new JsonObject
            {
                ["operation"] = request.Operation,
                ["username"] = request.Username,
                ["object"] = request.Object?.DeepClone(),
                ["oldObject"] = request.OldObject?.DeepClone(),
            },
        });
        return new AdmissionResult(
            answer["outcome"]!.GetValue<string>(),
            answer["messages"]!.AsArray().Select(m => m!.GetValue<string>()).ToList(),
            answer["errors"]!.AsArray().Select(m => m!.GetValue<string>()).ToList());
    }

    public void Dispose()
    {
        try
        {
            if (!node.HasExited)
            {
                node.StandardInput.Close();
                if (!node.WaitForExit(2000))
                {
                    node.Kill();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static JsonNode ToJson(V1ValidatingAdmissionPolicySpec spec) => JsonNode.Parse(KubernetesJson.Serialize(spec))!;

    private JsonObject Send(JsonObject message)
    {
        lock (gate)
        {
            message["id"] = ++nextId;
            node.StandardInput.WriteLine(message.ToJsonString());
            node.StandardInput.Flush();
            var line = node.StandardOutput.ReadLine()
                ?? throw new InvalidOperationException("The CEL engine stopped: " + node.StandardError.ReadToEnd());
            var answer = JsonNode.Parse(line)!.AsObject();
            if (answer["failure"] is { } failure)
            {
                throw new InvalidOperationException("The CEL engine failed: " + failure.GetValue<string>());
            }

            Assert.Equal(nextId, answer["id"]!.GetValue<int>());
            return answer;
        }
    }
}

/// <summary>An admission request: who asks, what, and the object before and after.</summary>
public sealed record AdmissionRequest(string Operation, string Username, JsonNode? Object, JsonNode? OldObject = null)
{
    public static AdmissionRequest Create(JsonNode? value, string username = "alice") => new("CREATE", username, value);

    public static AdmissionRequest Update(JsonNode? oldValue, JsonNode? value, string username = "alice") => new("UPDATE", username, value, oldValue);
}

/// <summary>What the policy decided: skipped (a match condition is false), admitted or denied, with the messages.</summary>
public sealed record AdmissionResult(string Outcome, IReadOnlyList<string> Messages, IReadOnlyList<string> Errors)
{
    /// <summary>The rule IDs of the denial messages, sorted.</summary>
    public IReadOnlyList<string> RuleIds => Messages.Select(m => m[..m.IndexOf(':', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public override string ToString() => $"{Outcome} [{string.Join(" | ", Messages)}] errors [{string.Join(" | ", Errors)}]";
}
