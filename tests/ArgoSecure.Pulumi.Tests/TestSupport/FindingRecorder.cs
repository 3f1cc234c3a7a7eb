using ArgoSecure.Pulumi.Internal;
using Pulumi;

namespace ArgoSecure.Pulumi.Tests.TestSupport;

/// <summary>Catches what the components log (Pulumi's mock engine drops warnings); puts the real sink back on dispose.</summary>
internal sealed class FindingRecorder : IFindingSink, IDisposable
{
    private readonly List<(string Level, string Message, Resource Resource)> _entries = [];

    public FindingRecorder() => FindingLog.Sink = this;

    public IReadOnlyList<(string Level, string Message, Resource Resource)> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public void Warn(string message, Resource resource) => Add("warn", message, resource);

    public void Info(string message, Resource resource) => Add("info", message, resource);

    public void Dispose() => FindingLog.Reset();

    private void Add(string level, string message, Resource resource)
    {
        lock (_entries)
        {
            _entries.Add((level, message, resource));
        }
    }
}
