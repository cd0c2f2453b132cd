using System.Globalization;

namespace MlCareer.Bench;

/// <summary>The harness's command line (see README, "Benchmarks"); <c>--smoke</c> shrinks every count and duration.</summary>
public sealed record BenchOptions
{
    public required string Published { get; init; }

    public required string Content { get; init; }

    public required string WorkFolder { get; init; }

    public bool Smoke { get; init; }

    /// <summary>0 picks a free loopback port for each app start.</summary>
    public int Port { get; init; }

    /// <summary>wrk's duration per page and per static copy.</summary>
    public int ReadSeconds { get; init; } = 10;

    /// <summary>
    /// Signed-in learners whose idle circuits are weighed. Pools that keep or let go of a few hundred KB between probes
    /// move the figure per circuit by that much divided by the count, so more circuits weigh more precisely.
    /// </summary>
    public int MemoryCircuits { get; init; } = 100;

    /// <summary>Signed-in learners live while the saves run: a warm-up learner, the memory learners and more, if fewer.</summary>
    public int SaveCircuits { get; init; } = 200;

    /// <summary>Level saves per second over all learners; each learner saves every SaveCircuits / SavesPerSecond seconds.</summary>
    public double SavesPerSecond { get; init; } = 10;

    public int SaveSeconds { get; init; } = 60;

    /// <summary>
    /// How long a memory probe waits at least for the process to come to rest (pooled buffers are let go a minute after
    /// their last use; see CircuitBench); 0 in the smoke run, which only checks that the row is printed.
    /// </summary>
    public int SettleSeconds { get; init; } = 70;

    /// <summary>Only the content ×N rows (<c>--only content</c>): no reading, page weight, Lighthouse or circuit rows.</summary>
    public bool ContentOnly { get; init; }

    /// <summary>Only the circuit rows (<c>--only circuits</c>): memory per circuit and saves, on one app start, for iterating on circuit size.</summary>
    public bool CircuitsOnly { get; init; }

    /// <summary>How many times the content tree is multiplied for the content rows (10 in issue 12).</summary>
    public int ContentFactor { get; init; } = 10;

    /// <summary>The Lighthouse 12 command line (cli/index.js of lighthouse@12.2.3); null skips the Lighthouse rows.</summary>
    public string? Lighthouse { get; init; }

    public string Chromium { get; init; } = "/usr/bin/chromium";

    public static BenchOptions Parse(string[] args)
    {
        string? published = null, content = null, work = null, lighthouse = null, chromium = null, only = null;
        var smoke = args.Contains("--smoke");
        int? port = null, readSeconds = null, memory = null, saves = null, saveSeconds = null;
        double? rate = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int NextInt() => int.Parse(Next(), CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--smoke": break;
                case "--published": published = Next(); break;
                case "--content": content = Next(); break;
                case "--work": work = Next(); break;
                case "--lighthouse": lighthouse = Next(); break;
                case "--chromium": chromium = Next(); break;
                case "--only": only = Next() is "content" or "circuits" ? args[i] : throw new ArgumentException("--only takes: content, circuits"); break;
                case "--port": port = NextInt(); break;
                case "--read-seconds": readSeconds = NextInt(); break;
                case "--memory-circuits": memory = NextInt(); break;
                case "--save-circuits": saves = NextInt(); break;
                case "--save-seconds": saveSeconds = NextInt(); break;
                case "--saves-per-second": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                default: throw new ArgumentException($"Unknown option {args[i]}");
            }
        }

        var defaults = smoke
            ? new BenchOptions { Published = "", Content = "", WorkFolder = "", ReadSeconds = 1, MemoryCircuits = 2, SaveCircuits = 3, SavesPerSecond = 3, SaveSeconds = 2, SettleSeconds = 0, ContentFactor = 2 }
            : new BenchOptions { Published = "", Content = "", WorkFolder = "" };
        return defaults with
        {
            Published = Path.GetFullPath(published ?? throw new ArgumentException("--published FOLDER (the output of dotnet publish) is required")),
            Content = Path.GetFullPath(content ?? Path.Combine(published, "content")),
            WorkFolder = Path.GetFullPath(work ?? Directory.CreateTempSubdirectory("mlcareer-bench-").FullName),
            Smoke = smoke,
            ContentOnly = only == "content",
            CircuitsOnly = only == "circuits",
            Port = port ?? 0,
            ReadSeconds = readSeconds ?? defaults.ReadSeconds,
            MemoryCircuits = memory ?? defaults.MemoryCircuits,
            SaveCircuits = Math.Max(saves ?? defaults.SaveCircuits, (memory ?? defaults.MemoryCircuits) + 1),
            SavesPerSecond = rate ?? defaults.SavesPerSecond,
            SaveSeconds = saveSeconds ?? defaults.SaveSeconds,
            Lighthouse = smoke ? null : lighthouse,
            Chromium = chromium ?? defaults.Chromium,
        };
    }
}
