using TokenGovernance.TokenDetection;

namespace TokenGovernance.Analyzers
{
    internal static class TokenShapeNames
    {
        public static string Describe(TokenShape shape) => shape switch
        {
            TokenShape.InfluxV2 => "InfluxDB v2",
            TokenShape.InfluxV3 => "InfluxDB 3",
            _ => "InfluxDB Cloud Dedicated",
        };
    }
}
