namespace TokenGovernance.Audit.Policy;

/// <summary>Every audit rule id in one place.</summary>
public static class PolicyRuleIds
{
    public const string WriteTokenPersonalOwner = "TG2001";
    public const string ReferencedTokenInactive = "TG2002";
    public const string TokenOwnerDeleted = "TG2003";
    public const string AllAccessToken = "TG2004";
    public const string OperatorToken = "TG2005";
    public const string UnscopedBucketWrite = "TG2006";
    public const string PrivilegedPermission = "TG2007";
    public const string TokenTooOld = "TG2008";
    public const string MissingDescription = "TG2009";
    public const string TokenOwnerInactive = "TG2010";
    public const string ReferencedTokenUnknown = "TG2011";
    public const string ReferencedTokenOwnerGone = "TG2012";
    public const string PlaintextTokenReference = "TG2013";
    public const string DanglingPermission = "TG2014";
    public const string StaleInactiveToken = "TG2015";
    public const string AuditCoverageLimited = "TG2016";
    public const string ExemptionExpired = "TG2018";
    public const string ServerWithoutAuth = "TG2101";
    public const string AdminTokenNeverExpires = "TG2102";
    public const string TooManyAdminTokens = "TG2103";
    public const string AllDatabasesWrite = "TG2104";
    public const string TokenExpiresSoon = "TG2105";
    public const string ExpiredTokenKept = "TG2106";
    public const string ExpiredAtCreation = "TG2107";
}
