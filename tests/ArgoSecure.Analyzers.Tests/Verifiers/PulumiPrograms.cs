namespace ArgoSecure.Analyzers.Tests.Verifiers;

/// <summary>Test programs over the Pulumi look-alike types (<see cref="PulumiStubs"/>).</summary>
internal static class PulumiPrograms
{
    /// <summary>A method body that creates Pulumi.Kubernetes RBAC objects; <c>Get&lt;T&gt;()</c> gives unknown values.</summary>
    public static string Rbac(string body) => $$"""
        using Pulumi.Kubernetes.Rbac.V1;
        using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
        using Pulumi.Kubernetes.Types.Inputs.Rbac.V1;

        class Infra
        {
            static T Get<T>() => default!;

            void M()
            {
                {{body}}
            }
        }
        """;
}
