using SharpFuzz;

namespace ArgoSecure.Fuzz;

/// <summary>
/// <c>ArgoSecure.Fuzz HARNESS</c> runs under afl-fuzz (SharpFuzz's out-of-process loop);
/// <c>ArgoSecure.Fuzz HARNESS FILE...</c> replays inputs (a crash prints its exception and exits 1).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Harnesses.All.TryGetValue(args[0], out var harness))
        {
            Console.Error.WriteLine($"usage: ArgoSecure.Fuzz {string.Join('|', Harnesses.All.Keys)} [FILE...]");
            return 2;
        }

        if (args.Length == 1)
        {
            Fuzzer.OutOfProcess.Run(stream =>
            {
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                harness(buffer.ToArray());
            });
            return 0;
        }

        var failed = 0;
        foreach (var file in args.Skip(1))
        {
            try
            {
                harness(File.ReadAllBytes(file));
                Console.WriteLine($"ok: {file}");
            }
#pragma warning disable CA1031 // A replay reports every crash, whatever its type.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failed++;
                Console.WriteLine($"crash: {file}: {e}");
            }
        }

        return failed == 0 ? 0 : 1;
    }
}
