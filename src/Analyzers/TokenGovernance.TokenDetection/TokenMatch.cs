namespace TokenGovernance.TokenDetection
{
    /// <summary>Where a token shape was found in a string.</summary>
    public readonly struct TokenMatch
    {
        public TokenMatch(int start, int length, TokenShape shape)
        {
            Start = start;
            Length = length;
            Shape = shape;
        }

        public int Start { get; }

        public int Length { get; }

        public TokenShape Shape { get; }

        public string ValueIn(string text) => text.Substring(Start, Length);
    }
}
