namespace ArgoSecure.Tests.TestSupport;

/// <summary>Theory data: the names of the rendered variants (samples and <see cref="ArgsVariants"/>).</summary>
public static class VariantData
{
    private static readonly Lazy<Dictionary<string, Manifests>> Rendered = new(() => Manifests.Variants().ToDictionary(v => v.Name, v => v.Manifests));

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Rendered.Value.Keys)
            {
                data.Add(name);
            }

            return data;
        }
    }

    public static Manifests Get(string name) => Rendered.Value[name];
}
