using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TokenGovernance.Analyzers
{
    internal enum TokenSinkKind
    {
        /// <summary>The whole value is the token (<c>token</c> parameters, <c>Token</c> properties, <c>AuthenticationHeaderValue</c> parameter).</summary>
        Token,

        /// <summary>A connection string or URL whose <c>token=</c> value is the token.</summary>
        ConnectionString,

        /// <summary>An <c>Authorization</c> header value: <c>Token …</c> or <c>Bearer …</c>.</summary>
        AuthorizationHeader,

        /// <summary>The password of an InfluxDB client's username/password overloads or options (TG1005, not a token).</summary>
        Password,
    }

    /// <summary>An expression at a position where InfluxDB or HTTP code expects a token.</summary>
    internal readonly struct TokenSink
    {
        public TokenSink(ExpressionSyntax value, TokenSinkKind kind, string description)
        {
            Value = value;
            Kind = kind;
            Description = description;
        }

        public ExpressionSyntax Value { get; }

        public TokenSinkKind Kind { get; }

        /// <summary>Where the value goes, for the message, e.g. <c>InfluxDBClient(token)</c>.</summary>
        public string Description { get; }
    }
}
