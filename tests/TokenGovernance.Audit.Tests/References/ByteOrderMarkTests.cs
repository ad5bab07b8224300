using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.Tests.References;

/// <summary>A file saved with a UTF-8 byte order mark (Windows editors do) still shows the key on its first line.</summary>
public sealed class ByteOrderMarkTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokengov-bom-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_first_line_of_a_file_with_a_byte_order_mark_is_scanned_like_any_other()
    {
        var path = Path.Combine(_folder, ".env");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "INFLUX_TOKEN=a-user-chosen-token-value-1234\n"u8.ToArray()]);

        var scan = new FileReferenceSource(Options.Create(new TokenGovernanceOptions())).Scan(new FileSourceOptions { Path = path }, default);

        var reference = Assert.Single(scan.References);
        Assert.Equal(path + ":1", reference.Location);
        Assert.Equal("a-user-chosen-token-value-1234", reference.Value);
        Assert.Equal("a-user-chosen-token-value-1234", ReferenceValues.Find("\uFEFFINFLUX_TOKEN=a-user-chosen-token-value-1234\n", reference.Fingerprint!));
    }
}
