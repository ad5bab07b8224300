using System.Runtime.InteropServices;
using System.Text;

namespace TokenGovernance.Audit.Safety;

/// <summary>
/// Files the process reads because configuration names them (token files, inventories, the config file, CA bundles,
/// connection strings): checked to be regular files under a size cap before they are opened, so a FIFO, a device or
/// a directory is a clear error instead of a read that blocks forever or never ends.
/// </summary>
public static class InputFile
{
    /// <summary>A problem that makes <paramref name="path"/> unreadable as input, or null when it is a regular file within the cap.</summary>
    public static string? Problem(string path, long maxBytes)
    {
        var type = FileTypeOf(path);
        if (type is null)
        {
            return "does not exist or cannot be read";
        }

        if (type != FileType.Regular)
        {
            return $"is not a regular file (it is a {Describe(type.Value)})";
        }

        var length = new FileInfo(path).Length;
        return length > maxBytes ? $"is larger than {Size(maxBytes)} ({Size(length)})" : null;
    }

    /// <summary>Reads a checked file as UTF-8 text (without a BOM); <paramref name="what"/> names it in the error (e.g. <c>token file '/run/token'</c>).</summary>
    public static async Task<string> ReadAllTextAsync(string path, long maxBytes, string what, CancellationToken cancellationToken)
    {
        ThrowIfProblem(path, maxBytes, what);
        try
        {
            return Decode(await File.ReadAllBytesAsync(path, cancellationToken));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(what, exception);
        }
    }

    /// <summary>The same for start-up checks, which run synchronously.</summary>
    public static string ReadAllText(string path, long maxBytes, string what)
    {
        ThrowIfProblem(path, maxBytes, what);
        try
        {
            return Decode(File.ReadAllBytes(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(what, exception);
        }
    }

    private static void ThrowIfProblem(string path, long maxBytes, string what)
    {
        if (Problem(path, maxBytes) is { } problem)
        {
            throw new InputFileException($"{what} {problem}");
        }
    }

    private static string Decode(byte[] bytes) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes).TrimStart('\uFEFF');

    private static InputFileException Unreadable(string what, Exception exception) => new($"{what} cannot be read: {exception.GetType().Name}", exception);

    private enum FileType
    {
        Regular,
        Directory,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Other,
    }

    private static FileType? FileTypeOf(string path)
    {
        if (!OperatingSystem.IsWindows() && UnixFileType(path) is { } unix)
        {
            return unix;
        }

        return Directory.Exists(path) ? FileType.Directory : File.Exists(path) ? FileType.Regular : null;
    }

    /// <summary>
    /// The file type from <c>stat</c> (links followed), through the runtime's own portable wrapper: .NET has no public
    /// API that tells a FIFO from a regular file, and opening a FIFO to find out blocks until a writer comes.
    /// </summary>
    private static FileType? UnixFileType(string path)
    {
        try
        {
            if (NativeStat(path, out var status) != 0)
            {
                return File.Exists(path) || Directory.Exists(path) ? FileType.Other : null;
            }

            return (status.Mode & 0xF000) switch
            {
                0x8000 => FileType.Regular,
                0x4000 => FileType.Directory,
                0x1000 => FileType.Fifo,
                0x2000 => FileType.CharacterDevice,
                0x6000 => FileType.BlockDevice,
                0xC000 => FileType.Socket,
                _ => FileType.Other,
            };
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static string Describe(FileType type) => type switch
    {
        FileType.Directory => "directory",
        FileType.Fifo => "FIFO (named pipe)",
        FileType.CharacterDevice => "character device",
        FileType.BlockDevice => "block device",
        FileType.Socket => "socket",
        _ => "special file",
    };

    private static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MiB" : bytes >= 1024 ? $"{bytes / 1024.0:0.#} KiB" : $"{bytes} bytes";

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    private static extern int NativeStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus status);

    /// <summary>The head of the runtime's <c>FileStatus</c> (pal_io.h); the size leaves room for the fields after it.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}

/// <summary>An input file that is missing, special, too large or unreadable; the message names it and says why.</summary>
public sealed class InputFileException(string message, Exception? inner = null) : Exception(message, inner);
