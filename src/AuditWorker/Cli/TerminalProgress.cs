using System.Collections.Concurrent;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.AuditWorker.Cli;

/// <summary>
/// One line on stderr, redrawn four times a second, while a long <c>audit</c> or <c>tokens</c> runs:
/// <c>tokengov: 1 of 3 target(s) done; reading prod: 12,345 tokens (GET /api/v2/authorizations)</c>. Only when stderr
/// is a terminal and not in CI (<c>CI</c> set) or a dumb terminal; never in piped output or logs. A run shorter than
/// half a second shows nothing; the line is erased when the run ends.
/// </summary>
internal sealed class TerminalProgress : IAuditProgress, IAsyncDisposable
{
    private static readonly TimeSpan FirstDraw = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, ReadProgress> _reading = new(StringComparer.Ordinal);
    private readonly TextWriter _error;
    private readonly int _targets;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _done;
    private bool _drawn;

    private TerminalProgress(TextWriter error, int targets)
    {
        _error = error;
        _targets = targets;
        _loop = DrawAsync();
    }

    /// <summary>A display on stderr, or null where none belongs (redirected stderr, CI, <c>TERM=dumb</c>).</summary>
    public static TerminalProgress? ForStandardError(int targets) =>
        !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") is not "dumb"
            ? new TerminalProgress(Console.Error, targets)
            : null;

    public void Started(string target, ReadProgress progress) => _reading[target] = progress;

    public void Finished(string target)
    {
        _reading.TryRemove(target, out _);
        Interlocked.Increment(ref _done);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        if (_drawn)
        {
            await _error.WriteAsync("\r\u001b[2K");
            await _error.FlushAsync();
        }

        _stop.Dispose();
    }

    private async Task DrawAsync()
    {
        try
        {
            await Task.Delay(FirstDraw, _stop.Token);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            do
            {
                await _error.WriteAsync("\r\u001b[2K" + Fit(Line()));
                await _error.FlushAsync();
                _drawn = true;
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
        catch (IOException)
        {
            // The terminal went away: no progress, the run goes on.
        }
    }

    private string Line()
    {
        var reading = _reading.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key}: {pair.Value.TokensRead:N0} tokens" + (pair.Value.CurrentCall is { } call ? $" ({call})" : string.Empty));
        return TerminalText.Escape($"tokengov: {Volatile.Read(ref _done)} of {_targets} target(s) done; reading {string.Join(", ", reading)}");
    }

    private static string Fit(string line)
    {
        int width;
        try
        {
            width = Console.WindowWidth;
        }
        catch (IOException)
        {
            width = 80;
        }

        return width > 10 && line.Length >= width ? line[..(width - 2)] + "…" : line;
    }
}
