using System.Runtime.InteropServices;

namespace TokenGovernance.Audit.Remediation;

/// <summary>
/// Replaces a file's content at once: a temporary file in the same folder, given the original's mode and owner, flushed
/// to disk and renamed over it, so a reader sees the old content or the new, never half of either.
/// </summary>
public static partial class AtomicFile
{
    public static void Write(string path, byte[] content, string? modeAndOwnerOf = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.tokengov-{Guid.NewGuid():N}.tmp");
        var template = modeAndOwnerOf ?? path;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                // Owner-only until the original's mode is applied: the content is a token.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            CopyModeAndOwner(template, temporary);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static void CopyModeAndOwner(string from, string to)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(from))
        {
            return;
        }

        File.SetUnixFileMode(to, File.GetUnixFileMode(from));
        if (Stat(from) is { } owner && Stat(to) is { } mine && owner != mine && Chown(to, owner.Uid, owner.Gid) != 0)
        {
            throw new IOException($"'{from}' belongs to uid {owner.Uid} gid {owner.Gid}, and its replacement cannot be given to them (errno {Marshal.GetLastPInvokeError()}): run as that user or as root");
        }
    }

    /// <summary>A file's owner and group (.NET has no API for them): Linux <c>statx</c>, without following a link; null elsewhere.</summary>
    private static (uint Uid, uint Gid)? Stat(string path)
    {
        const int CurrentDirectory = -100, NoFollow = 0x100;
        const uint UidAndGid = 0x8 | 0x10;
        var buffer = new byte[256];
        if (!OperatingSystem.IsLinux() || StatX(CurrentDirectory, path, NoFollow, UidAndGid, buffer) != 0)
        {
            return null;
        }

        // struct statx: stx_mask (u32), stx_blksize (u32), stx_attributes (u64), stx_nlink (u32), stx_uid (u32), stx_gid (u32).
        return (BitConverter.ToUInt32(buffer, 20), BitConverter.ToUInt32(buffer, 24));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int StatX(int directoryFd, string path, int flags, uint mask, byte[] buffer);

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
