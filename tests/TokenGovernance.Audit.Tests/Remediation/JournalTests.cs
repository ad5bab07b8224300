using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.Audit.Tests.Remediation;

/// <summary>A journal that stops taking writes: proven before the first change, and named with the change it lacks after.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class JournalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokengov-journal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static JournalEntry Deactivated => new()
    {
        Time = DateTimeOffset.UnixEpoch, Target = "prod", TokenId = "0a1b", Action = "deactivate", Outcome = JournalOutcomes.Applied,
    };

    [Fact]
    public async Task The_proof_write_fails_on_a_full_device_before_anything_is_changed()
    {
        using var journal = Journal.Append("/dev/full");

        await Assert.ThrowsAnyAsync<IOException>(() => journal.ProveWritableAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_write_that_fails_names_the_change_the_journal_lacks()
    {
        using var journal = Journal.Append("/dev/full");

        var failure = await Assert.ThrowsAsync<JournalWriteException>(() => journal.WriteAsync(Deactivated, CancellationToken.None));

        Assert.StartsWith("the journal '/dev/full' could not be written (No space left on device", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("): it lacks the deactivate of token 0a1b on target 'prod' (applied); nothing further was changed", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proof_line_is_blank_and_readers_skip_it()
    {
        var path = Path.Combine(_folder, "journal.jsonl");
        using (var journal = Journal.Append(path))
        {
            await journal.ProveWritableAsync(CancellationToken.None);
            await journal.WriteAsync(Deactivated, CancellationToken.None);
        }

        Assert.Equal("0a1b", Assert.Single(Journal.Read(path)).TokenId);
    }
}
