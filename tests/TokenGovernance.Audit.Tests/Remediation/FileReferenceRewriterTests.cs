using System.Text;
using TokenGovernance.Audit.Remediation;
using TokenGovernance.TokenDetection;

namespace TokenGovernance.Audit.Tests.Remediation;

/// <summary>A file reference rewritten, undone, restored and retired: only the token's bytes ever change.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FileReferenceRewriterTests : IDisposable
{
    private const string Old = "oLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ldoLd0ld_-AQ==";
    private const string New = "nEw1newnEw1newnEw1newnEw1newnEw1newnEw1newnEw1newnEw1newnEw1newnEw1newnEw1newnEw1n_-Ag==";

    private readonly string _folder = Directory.CreateTempSubdirectory("tokengov-rewrite-").FullName;
    private readonly FileReferenceRewriter _rewriter = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string content)
    {
        var path = Path.Combine(_folder, "telegraf.conf");
        System.IO.File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(content)]);
        return path;
    }

    private static PlannedReference Reference(string path, string value = Old) => new("file", path, TokenRedaction.Fingerprint(value), Rewrite: true);

    [Fact]
    public async Task Only_the_token_changes_every_other_byte_stays_and_the_old_file_waits_beside_it()
    {
        var path = File("# tokengov test\r\n[[outputs.influxdb_v2]]\r\n  token = \"" + Old + "\"\r\n  # again: " + Old + "\r\n");
        var original = System.IO.File.ReadAllBytes(path);

        var prepared = await _rewriter.PrepareAsync("prod", Reference(path), default);
        await prepared.WriteAsync(new TokenSecret(New), default);

        Assert.Equal(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(original).Replace(Old, New, StringComparison.Ordinal)), System.IO.File.ReadAllBytes(path));
        Assert.Equal(original, System.IO.File.ReadAllBytes(path + ".tokengov-previous"));

        await prepared.UndoAsync(default);
        Assert.Equal(original, System.IO.File.ReadAllBytes(path));
        Assert.False(System.IO.File.Exists(path + ".tokengov-previous"));
    }

    [Fact]
    public async Task Rollback_restores_the_previous_copy_and_retirement_removes_it()
    {
        var path = File("INFLUX_TOKEN=" + Old + "\n");
        var original = System.IO.File.ReadAllBytes(path);
        await (await _rewriter.PrepareAsync("prod", Reference(path), default)).WriteAsync(new TokenSecret(New), default);

        await _rewriter.RestoreAsync("prod", Reference(path), default);
        Assert.Equal(original, System.IO.File.ReadAllBytes(path));
        Assert.False(System.IO.File.Exists(path + ".tokengov-previous"));

        await (await _rewriter.PrepareAsync("prod", Reference(path), default)).WriteAsync(new TokenSecret(New), default);
        Assert.True(await _rewriter.RemovePreviousAsync("prod", Reference(path + ".tokengov-previous"), default));
        Assert.False(System.IO.File.Exists(path + ".tokengov-previous"));
        Assert.False(await _rewriter.RemovePreviousAsync("prod", Reference(path + ".tokengov-previous"), default));
    }

    [Fact]
    public async Task A_file_that_changed_or_no_longer_holds_the_value_or_has_a_copy_is_refused_with_its_name()
    {
        var path = File("token = \"" + Old + "\"\n");
        var prepared = await _rewriter.PrepareAsync("prod", Reference(path), default);
        System.IO.File.AppendAllText(path, "# edited\n");

        var changed = await Assert.ThrowsAsync<RewriteException>(() => prepared.WriteAsync(new TokenSecret(New), default));
        Assert.Equal($"file '{path}' changed since it was read: not rewritten", changed.Message);

        var gone = await Assert.ThrowsAsync<RewriteException>(() => _rewriter.PrepareAsync("prod", Reference(path, "some-other-value-entirely-0123456789"), default));
        Assert.StartsWith($"file '{path}' no longer holds the value the plan saw there", gone.Message, StringComparison.Ordinal);

        System.IO.File.WriteAllText(path + ".tokengov-previous", "x");
        var copy = await Assert.ThrowsAsync<RewriteException>(() => _rewriter.PrepareAsync("prod", Reference(path), default));
        Assert.Contains("is still there from an earlier re-issue", copy.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Old, changed.Message + gone.Message + copy.Message, StringComparison.Ordinal);
    }
}
