using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers.Tests.TokenDetection;

public class TokenShapeDetectorTests
{
    [Fact]
    public void Public_v2_sample_is_a_token()
    {
        Assert.Equal(88, TestTokens.V2.Length);
        var match = Assert.Single(TokenShapeDetector.FindAll(TestTokens.V2));
        Assert.Equal(TokenShape.InfluxV2, match.Shape);
        Assert.True(TokenShapeDetector.IsToken(TestTokens.V2));
    }

    [Theory]
    [InlineData("Authorization: Token {0}")]
    [InlineData("{{\"token\":\"{0}\"}}")]
    [InlineData("http://localhost:8086?org=acme&token={0}&bucket=b")]
    public void Token_inside_longer_text_is_found_at_its_position(string format)
    {
        var text = string.Format(format, TestTokens.V2);
        var match = Assert.Single(TokenShapeDetector.FindAll(text));
        Assert.Equal(TestTokens.V2, match.ValueIn(text));
    }

    [Theory]
    [InlineData("x")] // adjacent base64url character before
    [InlineData("a-")]
    public void Token_glued_to_other_base64_characters_is_not_a_token(string prefix) =>
        Assert.Empty(TokenShapeDetector.FindAll(prefix + TestTokens.V2));

    [Theory]
    [InlineData("=")]
    [InlineData("x")]
    public void Token_followed_by_more_base64_is_not_a_token(string suffix) =>
        Assert.Empty(TokenShapeDetector.FindAll(TestTokens.V2 + suffix));

    [Fact]
    public void Wrong_penultimate_character_is_not_a_v2_token()
    {
        var wrong = TestTokens.V2.Substring(0, 85) + "B==";
        Assert.Empty(TokenShapeDetector.FindAll(wrong));
    }

    [Theory]
    [InlineData("apiv3_key")]
    [InlineData("apiv3_0xxx0o0XxXxx00Xxxx000xXXxoo0==")]
    [InlineData("xXXXX0xXX0xxX0xx_x0XxXxXXXxxXX0XXX0XXxXxX0XxxxXX0Xx0xx==")]
    [InlineData("9d70616e656d2076")]
    [InlineData("")]
    public void Short_look_alikes_and_ids_are_not_tokens(string text) => Assert.Empty(TokenShapeDetector.FindAll(text));

    [Fact]
    public void V3_token_is_recognised()
    {
        Assert.Equal(92, TestTokens.V3.Length);
        var match = Assert.Single(TokenShapeDetector.FindAll("token=" + TestTokens.V3 + ";"));
        Assert.Equal(TokenShape.InfluxV3, match.Shape);
        Assert.Equal(TestTokens.V3.Length, match.Length);
    }

    [Fact]
    public void Cloud_dedicated_token_with_standard_base64_is_recognised()
    {
        var match = Assert.Single(TokenShapeDetector.FindAll("\"" + TestTokens.Dedicated + "\""));
        Assert.Equal(TokenShape.CloudDedicated, match.Shape);
        Assert.Equal(TestTokens.Dedicated.Length, match.Length);
    }

    [Fact]
    public void Several_tokens_in_one_text_are_all_found()
    {
        var text = TestTokens.V2 + " " + TestTokens.V2Other + " " + TestTokens.V3;
        Assert.Equal(3, TokenShapeDetector.FindAll(text).Count());
    }

    [Fact]
    public void Megabyte_of_base64_without_padding_is_scanned_without_match()
    {
        var text = new string('A', 1024 * 1024);
        Assert.Empty(TokenShapeDetector.FindAll(text));
    }
}
