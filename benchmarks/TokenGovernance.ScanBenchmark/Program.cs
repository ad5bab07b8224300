using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.References;

// Times the reference file source over a folder (benchmarks/references-scan.sh generates one), as Kind plain or
// secret; the digest of what it found (locations and fingerprints) tells that a faster scan finds the same.
// Usage: TokenGovernance.ScanBenchmark FOLDER [plain|secret]   (SCAN_LIST=1 also prints every reference)
if (args.Length is not (1 or 2))
{
    Console.Error.WriteLine("usage: TokenGovernance.ScanBenchmark FOLDER [plain|secret]");
    return 64;
}

var folder = args[0];
var kind = args.Length == 2 ? args[1] : "plain";
var source = new FileReferenceSource(Microsoft.Extensions.Options.Options.Create(new TokenGovernanceOptions()));
var bytes = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
var allocated = GC.GetTotalAllocatedBytes(precise: true);
var watch = Stopwatch.StartNew();
var scan = source.Scan(new FileSourceOptions { Path = folder, Kind = kind }, default);
var seconds = watch.Elapsed.TotalSeconds;
allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
    string.Join('\n', scan.References.Select(reference => Path.GetRelativePath(folder, reference.Location) + " " + reference.Fingerprint).Order(StringComparer.Ordinal)))))[..16];
if (Environment.GetEnvironmentVariable("SCAN_LIST") is "1")
{
    foreach (var reference in scan.References.OrderBy(reference => reference.Location, StringComparer.Ordinal))
    {
        Console.WriteLine(reference.Location + " " + reference.Fingerprint);
    }
}

Console.WriteLine($"{kind}: scanned {bytes / 1_000_000} MB in {seconds:F2} s ({bytes / 1_000_000 / seconds:F0} MB/s), allocated {allocated / 1_000_000} MB: "
    + $"{scan.References.Count} references (digest {digest}), error: {scan.Error ?? "none"}, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");
return 0;
