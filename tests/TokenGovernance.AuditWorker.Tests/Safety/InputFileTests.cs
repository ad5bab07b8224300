using System.Diagnostics;
using TokenGovernance.Audit.Safety;
using TokenGovernance.AuditWorker.Tests.Support;

namespace TokenGovernance.AuditWorker.Tests.Safety;

public sealed class InputFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_regular_file_within_the_cap_has_no_problem()
    {
        Assert.Null(InputFile.Problem(_directory.File("token", "abc"), maxBytes: 3));
    }

    [Fact]
    public void A_fifo_is_refused_before_it_is_opened()
    {
        var fifo = _directory.Fifo("fifo");

        var stopwatch = Stopwatch.StartNew();
        var problem = InputFile.Problem(fifo, 1024);

        Assert.Equal("is not a regular file (it is a FIFO (named pipe))", problem);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("/dev/null", "character device")]
    [InlineData("/tmp", "directory")]
    public void Special_files_are_named_by_their_type(string path, string type)
    {
        Assert.Equal($"is not a regular file (it is a {type})", InputFile.Problem(path, 1024));
    }

    [Fact]
    public void A_file_over_the_cap_is_refused_with_both_sizes()
    {
        Assert.Equal("is larger than 1 KiB (2 KiB)", InputFile.Problem(_directory.File("big", new string('x', 2048)), maxBytes: 1024));
    }

    [Fact]
    public void A_missing_file_is_named_as_missing()
    {
        Assert.Equal("does not exist or cannot be read", InputFile.Problem(Path.Combine(_directory.Path, "missing"), 1024));
    }
}
