namespace TokenGovernance.TokenDetection
{
    /// <summary>The InfluxDB token formats the detector recognises (REFERENCE.md §3).</summary>
    public enum TokenShape
    {
        /// <summary>InfluxDB v2 OSS / Cloud: 64 random bytes, URL-safe base64 with padding (88 characters).</summary>
        InfluxV2,

        /// <summary>InfluxDB 3 Core / Enterprise: <c>apiv3_</c> + URL-safe base64 without padding (92 characters).</summary>
        InfluxV3,

        /// <summary>InfluxDB Cloud Dedicated / Clustered database token: <c>apiv&lt;N&gt;_</c> + at least 64 base64 characters.</summary>
        CloudDedicated,
    }
}
