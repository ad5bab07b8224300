using System.Text.Json;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.Safety;

namespace TokenGovernance.Audit.Remediation;

/// <summary>Where the outcome of each action goes as it ends: a file (<see cref="Journal"/>) or the worker's database.</summary>
public interface IJournalSink
{
    Task WriteAsync(JournalEntry entry, CancellationToken cancellationToken);
}

/// <summary>A remediation journal file: one JSON line per action, appended and flushed as each action ends.</summary>
public sealed class Journal : IJournalSink, IDisposable
{
    private readonly StreamWriter _writer;

    private Journal(StreamWriter writer, string path)
    {
        _writer = writer;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> to append (created owner-only when new).</summary>
    public static Journal Append(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new Journal(new StreamWriter(new FileStream(path, options)) { AutoFlush = false }, path);
    }

    /// <summary>One entry as one line of JSON (the file's format, and the database row's <c>entry</c>).</summary>
    public static string Line(JournalEntry entry) => JsonSerializer.Serialize(entry, RemediationJsonContext.Compact.JournalEntry);

    /// <summary>
    /// Proves, before the first change, that the file takes writes: an empty line (which readers skip) written and
    /// flushed to the device. A full disk or a device that refuses writes fails here, with nothing changed yet.
    /// </summary>
    public async Task ProveWritableAsync(CancellationToken cancellationToken)
    {
        await _writer.WriteLineAsync(ReadOnlyMemory<char>.Empty, cancellationToken);
        await _writer.FlushAsync(cancellationToken);
        if (_writer.BaseStream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Appends one entry and flushes it. A write that fails is a <see cref="JournalWriteException"/> naming the change
    /// the journal does not hold: the caller stops there, so nothing further goes unjournaled.
    /// </summary>
    public async Task WriteAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await _writer.WriteLineAsync(Line(entry).AsMemory(), cancellationToken);
            await _writer.FlushAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            throw new JournalWriteException(
                $"the journal '{Path}' could not be written ({ServerText.OneLine(exception.Message)}): it lacks the {entry.Action} of token {entry.TokenId} on target '{entry.Target}' ({entry.Outcome}); nothing further was changed",
                exception);
        }
    }

    /// <summary>Every entry of a journal; a line that is not one is a <see cref="ConfigurationException"/> naming it (exit 64).</summary>
    public static List<JournalEntry> Read(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, PlanFile.MaxBytes, $"journal '{path}'");
        }
        catch (InputFileException exception)
        {
            throw new ConfigurationException(exception.Message, exception);
        }

        var entries = new List<JournalEntry>();
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            if (lines[index].Trim().Length == 0)
            {
                continue;
            }

            try
            {
                var entry = JsonSerializer.Deserialize(lines[index], RemediationJsonContext.Compact.JournalEntry);
                if (entry is null || entry.SchemaVersion != 1)
                {
                    throw new JsonException("not a journal entry of schema 1");
                }

                if (entry.Action is not (KnownActions.Deactivate or KnownActions.Reactivate or ReissueFlow.Action or ReissueFlow.UndoAction))
                {
                    throw new JsonException($"the action '{ServerText.OneLine(entry.Action)}' is none tokengov journals (deactivate, reactivate, reissue, undo-reissue)");
                }

                entries.Add(entry);
            }
            catch (JsonException exception)
            {
                throw new ConfigurationException($"journal '{path}' line {index + 1} is not a tokengov journal entry: {ServerText.OneLine(exception.Message)}", exception);
            }
        }

        return entries.Count > 0 ? entries : throw new ConfigurationException($"journal '{path}' has no entries");
    }

    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // What is left in the buffer is what a failed write already reported.
        }
    }
}

/// <summary>The actions of journal lines other than a re-issue's (<see cref="ReissueFlow"/>).</summary>
public static class KnownActions
{
    public const string Deactivate = "deactivate";

    public const string Reactivate = "reactivate";
}

/// <summary>A journal line could not be written: the message names the change it lacks.</summary>
public sealed class JournalWriteException(string message, Exception innerException) : IOException(message, innerException);
