#!/usr/bin/env python3
"""Generates the analyzer benchmark projects (see run.sh).

out/argo   N files: ArgoSecure Args, Pulumi look-alike infra code (Helm releases, bindings, ConfigGroups), ordinary C#.
           It references ArgoSecure.dll and the look-alikes' assembly, as a real program references Pulumi.Kubernetes.dll.
out/pulumi-lookalikes  the Pulumi look-alike types, built as an assembly named Pulumi.Kubernetes (run.sh builds it once).
out/plain  N files of ordinary C# only: references neither ArgoSecure nor Pulumi.

Both projects take -p:UseArgoAnalyzers=true|false, so one generated tree measures with and without the analyzers.
"""
import os, random, re, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", ".."))
count = int(sys.argv[1]) if len(sys.argv) > 1 else 2400
out = os.path.join(here, "out")
rng = random.Random(20261126)

# The Pulumi look-alike types are the ones the analyzer tests use.
stubs_cs = open(os.path.join(root, "tests", "ArgoSecure.Analyzers.Tests", "Verifiers", "PulumiStubs.cs")).read()
stubs = re.search(r'"""\n(.*?)\n\s*""";', stubs_cs, re.S).group(1)
stubs = "\n".join(line[8:] if line.startswith("        ") else line for line in stubs.splitlines())

def csproj(argo):
    refs = ""
    if argo:
        refs = """
  <ItemGroup>
    <Reference Include="ArgoSecure" HintPath="$(ArgoSecureDll)" />
    <Reference Include="Pulumi.Kubernetes" HintPath="$(PulumiLookalikesDll)" />
  </ItemGroup>"""
    return f"""<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);CS8618;CS0219;CS1591;CA1822</NoWarn>
    <Deterministic>true</Deterministic>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>{refs}
  <ItemGroup Condition="'$(UseArgoAnalyzers)' == 'true'">
    <Analyzer Include="$(ArgoAnalyzersDll)" />
  </ItemGroup>
</Project>
"""

EDITORCONFIG = """root = true

[*.cs]
# Report every ARGO rule as a warning so the generated code (a few insecure choices) still builds.
""" + "".join(f"dotnet_diagnostic.ARGO{n:04d}.severity = warning\n" for n in range(1, 19))

def plain(i):
    return f"""namespace Bench.Plain{i % 50};

public sealed class Order{i}
{{
    private readonly List<decimal> _lines = new();
    public string Customer {{ get; set; }} = "c{i}";
    public bool Express {{ get; set; }} = {str(i % 2 == 0).lower()};
    public int Priority {{ get; set; }} = {i % 7};

    public void Add(decimal amount)
    {{
        if (amount <= 0) throw new ArgumentOutOfRangeException(nameof(amount));
        _lines.Add(amount);
    }}

    public decimal Total()
    {{
        var total = 0m;
        foreach (var line in _lines) total += line;
        var options = new Dictionary<string, object> {{ ["express"] = Express, ["priority"] = Priority, ["tags"] = new[] {{ "a", "b" }} }};
        return Express ? total * 1.1m + options.Count : total;
    }}

    public override string ToString() => $"{{Customer}}: {{Total()}}";
}}
"""

def argo(i):
    insecure = i % 10 == 0
    ns = f"team-{i % 40}"
    return f"""using ArgoSecure;

namespace Bench.Argo{i % 50};

public static class Install{i}
{{
    private const string ControllerNamespace = "argo-{i % 3}";

    public static ArgoWorkflowsArgs Create(string fromConfig) => new()
    {{
        Controller = new ArgoControllerArgs
        {{
            Namespace = ControllerNamespace,
            Scope = InstallScope.Cluster,
            TemplateReferencing = TemplateReferencing.{"None" if insecure else "Secure"},
            UserOverrideAllowlist = {{ "priority", "arguments" }},
            Metrics = {{ Secure = {str(not insecure).lower()}, ScraperNamespace = "monitoring" }},
            WorkflowDefaults = new WorkflowPodDefaults {{ RunAsNonRoot = true, ServiceAccountName = "wf-{i}" }},
            NetworkPolicies = true,
            Pprof = {str(insecure).lower()},
        }},
        Server = new ArgoServerArgs
        {{
            AuthModes = [AuthMode.Client, AuthMode.{"Server" if insecure else "Sso"}],
            Tls = {{ Enabled = true, CertificateSecretName = "argo-tls" }},
            Sso = new SsoArgs {{ Issuer = "https://login.example.com", RedirectUrl = "https://argo.example.com/oauth2/callback", RbacEnabled = true }},
            AccessControlAllowOrigin = fromConfig,
        }},
        WorkflowNamespaces = {{ new WorkflowNamespaceArgs {{ Name = "{ns}" }}, new() {{ Name = fromConfig }} }},
    }};

    public static void Tune(ArgoServerArgs server, bool fromConfig)
    {{
        server.NetworkPolicies = fromConfig;
        server.AuthModes.Add(AuthMode.Client);
        server.Tls.Enabled = {str(not insecure).lower()};
    }}
}}
"""

def infra(i):
    insecure = i % 10 == 1
    return f"""using Pulumi.Kubernetes.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Helm.V3;
using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

namespace Bench.Infra{i % 50};

public static class Stack{i}
{{
    public static void Create(string version)
    {{
        _ = new Release("wf-{i}", new ReleaseArgs
        {{
            Chart = "{"argo-workflows" if i % 2 == 0 else "ingress-nginx"}",
            Version = version,
            Values = new Dictionary<string, object>
            {{
                ["server"] = new Dictionary<string, object>
                {{
                    ["secure"] = {str(not insecure).lower()},
                    ["authModes"] = new[] {{ "client" }},
                    ["extraArgs"] = new List<object> {{ "--x-frame-options=DENY" }},
                }},
                ["controller"] = new Dictionary<string, object>
                {{
                    ["metricsConfig"] = new Dictionary<string, object> {{ ["enabled"] = true, ["secure"] = true }},
                    ["workflowNamespaces"] = new[] {{ "team-{i % 40}" }},
                }},
            }},
        }});
        _ = new Pulumi.Kubernetes.Rbac.V1.RoleBinding("rb-{i}", new RoleBindingArgs
        {{
            RoleRef = new RoleRefArgs {{ ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "{"cluster-admin" if insecure else "view"}" }},
            Subjects = {{ new SubjectArgs {{ Kind = "ServiceAccount", Name = "{"argo-server" if insecure else "reader"}" }} }},
        }});
        _ = new Pulumi.Kubernetes.Types.Inputs.Yaml.V2.ConfigGroupArgs {{ Files = {{ "crds/{i}.yaml" }} }};
    }}
}}
"""

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

# Keep the repository's build settings (analysis level, central package versions) out of the measurement.
write(os.path.join(out, "Directory.Build.props"), "<Project />\n")
write(os.path.join(out, "Directory.Build.targets"), "<Project />\n")
write(os.path.join(out, "Directory.Packages.props"), "<Project />\n")

write(os.path.join(out, "pulumi-lookalikes", "Pulumi.Kubernetes.csproj"), """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <AssemblyName>Pulumi.Kubernetes</AssemblyName>
    <Nullable>enable</Nullable>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <NoWarn>$(NoWarn);CS8618;CS1591</NoWarn>
  </PropertyGroup>
</Project>
""")
write(os.path.join(out, "pulumi-lookalikes", "PulumiLookalikes.cs"), stubs + "\n")

for name, is_argo in (("argo", True), ("plain", False)):
    d = os.path.join(out, name)
    write(os.path.join(d, "Bench.csproj"), csproj(is_argo))
    write(os.path.join(d, ".editorconfig"), EDITORCONFIG)
    for i in range(count):
        kind = i % 3 if is_argo else 2
        text = argo(i) if kind == 0 else infra(i) if kind == 1 else plain(i)
        write(os.path.join(d, f"F{i // 500}", f"File{i}.cs"), text)
print(f"generated {count} files per project under {out}")
