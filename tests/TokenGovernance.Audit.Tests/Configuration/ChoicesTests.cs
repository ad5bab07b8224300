using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.Audit.Tests.Configuration;

public sealed class ChoicesTests
{
    [Theory]
    [InlineData("secret", FileSourceKind.Secret)]
    [InlineData("Plain", FileSourceKind.Plain)]
    [InlineData(" SECRET ", FileSourceKind.Secret)]
    public void Choices_are_words_in_any_case(string text, FileSourceKind expected)
    {
        Assert.True(Choices.TryParse<FileSourceKind>(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("plaintext")]
    public void Numbers_and_other_words_are_not_choices(string? text)
    {
        Assert.False(Choices.TryParse<FileSourceKind>(text, out _));
    }

    [Fact]
    public void The_options_read_their_choices_as_enums()
    {
        Assert.True(new FileSourceOptions { Kind = "Plain" }.IsPlaintext);
        Assert.False(new FileSourceOptions { Kind = "secret" }.IsPlaintext);
    }
}
