namespace TokenGovernance.TokenDetection
{
    /// <summary>What the line scanners ask of a line: how far it is indented, how many of a character it holds.</summary>
    internal static class LineText
    {
        public static int Indentation(string line)
        {
            var count = 0;
            while (count < line.Length && (line[count] == ' ' || line[count] == '\t'))
            {
                count++;
            }

            return count;
        }

        public static int Count(string text, char character)
        {
            var count = 0;
            foreach (var current in text)
            {
                if (current == character)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
