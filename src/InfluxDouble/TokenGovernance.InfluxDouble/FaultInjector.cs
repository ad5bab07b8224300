using System.Collections.Concurrent;

namespace TokenGovernance.InfluxDouble;

public enum FaultKind
{
    ServiceUnavailable,
    TooManyRequests,
    Slow,
    TruncatedJson,
    InvalidJson,
    Unauthorized,
    Forbidden,
    Garbage,
}

/// <summary>A fault served on requests whose path starts with <see cref="PathPrefix"/>, <see cref="Times"/> times.</summary>
public sealed record Fault(string PathPrefix, FaultKind Kind, int Times = int.MaxValue, TimeSpan Delay = default, int RetryAfterSeconds = 1);

/// <summary>Faults the double plays, in order; thread-safe so tests can change them while a worker runs.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<(Fault Fault, int Remaining)> _faults = [];
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    public void Add(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add((fault, fault.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.Clear();
        }
    }

    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _maxInFlight = new(StringComparer.Ordinal);

    /// <summary>The most requests to one path that were in progress at the same time.</summary>
    public int MaxConcurrentRequests(string path) => _maxInFlight.TryGetValue(path, out var count) ? count : 0;

    internal void Enter(string path)
    {
        var now = _inFlight.AddOrUpdate(path, 1, (_, count) => count + 1);
        _maxInFlight.AddOrUpdate(path, now, (_, max) => Math.Max(max, now));
    }

    internal void Exit(string path) => _inFlight.AddOrUpdate(path, 0, (_, count) => count - 1);

    /// <summary>How many requests reached a path (faulted or not).</summary>
    public int RequestCount(string path) => _requests.TryGetValue(path, out var count) ? count : 0;

    public int TotalRequests => _requests.Values.Sum();

    internal Fault? Next(string path)
    {
        _requests.AddOrUpdate(path, 1, (_, count) => count + 1);
        lock (_gate)
        {
            for (var index = 0; index < _faults.Count; index++)
            {
                var (fault, remaining) = _faults[index];
                if (remaining > 0 && path.StartsWith(fault.PathPrefix, StringComparison.Ordinal))
                {
                    _faults[index] = (fault, remaining == int.MaxValue ? remaining : remaining - 1);
                    return fault;
                }
            }
        }

        return null;
    }
}
