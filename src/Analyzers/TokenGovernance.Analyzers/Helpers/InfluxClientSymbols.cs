using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TokenGovernance.Analyzers
{
    /// <summary>The types whose members take a token, resolved once per compilation.</summary>
    internal sealed class InfluxClientSymbols
    {
        private InfluxClientSymbols(Compilation compilation)
        {
            var clientTypes = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var name in new[]
            {
                "InfluxDB.Client.InfluxDBClient",
                "InfluxDB.Client.InfluxDBClientFactory",
                "InfluxDB.Client.InfluxDBClientOptions",
                "InfluxDB.Client.InfluxDBClientOptions+Builder",
                "InfluxDB3.Client.InfluxDBClient",
                "InfluxDB3.Client.Config.ClientConfig",
                // InfluxDB 1.x clients: username and password only (TG1005).
                "InfluxData.Net.InfluxDb.InfluxDbClient",
                "Vibrant.InfluxDB.Client.InfluxClient",
                "AdysTech.InfluxDB.Client.Net.InfluxDBClient",
            })
            {
                var type = compilation.GetTypeByMetadataName(name);
                if (type is not null)
                {
                    clientTypes.Add(type);
                }
            }

            ClientTypes = clientTypes.ToImmutable();
            AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            HttpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
        }

        /// <summary>InfluxDB.Client and InfluxDB3.Client types present in this compilation.</summary>
        public ImmutableHashSet<INamedTypeSymbol> ClientTypes { get; }

        public INamedTypeSymbol? AuthenticationHeaderValue { get; }

        public INamedTypeSymbol? HttpHeaders { get; }

        public bool HasAnySink => !ClientTypes.IsEmpty || AuthenticationHeaderValue is not null || HttpHeaders is not null;

        public static InfluxClientSymbols Create(Compilation compilation) => new InfluxClientSymbols(compilation);

        public bool IsClientType(ITypeSymbol? type) => type is INamedTypeSymbol named && ClientTypes.Contains(named.OriginalDefinition);

        public bool IsHttpHeaders(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, HttpHeaders))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
