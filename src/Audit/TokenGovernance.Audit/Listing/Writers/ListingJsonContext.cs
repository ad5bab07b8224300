using System.Text.Json.Serialization;

namespace TokenGovernance.Audit.Listing.Writers;

/// <summary>Every field is written, <c>null</c> when unknown: a consumer tells "not set" from "not in this version".</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(TokenRecord))]
[JsonSerializable(typeof(TokenListingTarget))]
internal sealed partial class ListingJsonContext : JsonSerializerContext;
