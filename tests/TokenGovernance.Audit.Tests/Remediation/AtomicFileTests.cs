using System.Diagnostics;
using System.Runtime.InteropServices;
using TokenGovernance.Audit.Remediation;

namespace TokenGovernance.Audit.Tests.Remediation;

/// <summary>A rewritten reference keeps what the file was: its mode, its owner and group, and nothing is left beside it.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokengov-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_replacement_keeps_mode_owner_and_group_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "telegraf.conf");
        File.WriteAllText(path, "token = \"old\"\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var root = Environment.UserName == "root";
        if (root)
        {
            // Owned by someone else, as a config file under /etc often is: only root can do this, and must keep it.
            Assert.Equal(0, Chown(path, 4242, 4343));
        }

        var before = Owner(path);
        AtomicFile.Write(path, "token = \"new\"\n"u8.ToArray());

        Assert.Equal("token = \"new\"\n", File.ReadAllText(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(path));
        Assert.Equal(before, Owner(path));
        Assert.Equal(root ? "4242:4343" : before, Owner(path));
        Assert.Equal(["telegraf.conf"], Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_copy_takes_the_mode_of_the_file_it_copies()
    {
        var path = Path.Combine(_folder, "token");
        File.WriteAllText(path, "secret");
        File.SetUnixFileMode(path, UnixFileMode.UserRead);

        AtomicFile.Write(path + ".tokengov-previous", "secret"u8.ToArray(), modeAndOwnerOf: path);

        Assert.Equal(UnixFileMode.UserRead, File.GetUnixFileMode(path + ".tokengov-previous"));
    }

    private static string Owner(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%u:%g", path]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
