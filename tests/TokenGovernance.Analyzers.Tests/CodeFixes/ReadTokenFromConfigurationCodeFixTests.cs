using Verify = TokenGovernance.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    TokenGovernance.Analyzers.ConstantTokenAtSinkAnalyzer,
    TokenGovernance.Analyzers.CodeFixes.ReadTokenFromConfigurationCodeFixProvider>;

namespace TokenGovernance.Analyzers.Tests.CodeFixes;

public class ReadTokenFromConfigurationCodeFixTests
{
    [Fact]
    public Task Configuration_parameter_is_used() => Verify.VerifyCodeFixAsync("""
        using System;
        using InfluxDB.Client;
        using Microsoft.Extensions.Configuration;
        class C { InfluxDBClient M(IConfiguration configuration) => new InfluxDBClient("http://a", {|TG1002:"param-token"|}); }
        """, """
        using System;
        using InfluxDB.Client;
        using Microsoft.Extensions.Configuration;
        class C { InfluxDBClient M(IConfiguration configuration) => new InfluxDBClient("http://a", configuration["InfluxDB:Token"] ?? throw new InvalidOperationException("Configure InfluxDB:Token with the InfluxDB token.")); }
        """);

    [Fact]
    public Task Configuration_field_is_used() => Verify.VerifyCodeFixAsync("""
        using System;
        using InfluxDB.Client;
        using Microsoft.Extensions.Configuration;
        class C
        {
            private readonly IConfigurationRoot _settings;
            C(IConfigurationRoot settings) => _settings = settings;
            InfluxDBClient M() => new InfluxDBClient("http://a", {|TG1002:"field-token"|});
        }
        """, """
        using System;
        using InfluxDB.Client;
        using Microsoft.Extensions.Configuration;
        class C
        {
            private readonly IConfigurationRoot _settings;
            C(IConfigurationRoot settings) => _settings = settings;
            InfluxDBClient M() => new InfluxDBClient("http://a", _settings["InfluxDB:Token"] ?? throw new InvalidOperationException("Configure InfluxDB:Token with the InfluxDB token."));
        }
        """);

    [Fact]
    public Task No_configuration_in_scope_means_no_fix() => Verify.VerifyNoCodeFixAsync("""
        using InfluxDB.Client;
        class C { InfluxDBClient M() => new InfluxDBClient("http://a", {|TG1002:"no-config-token"|}); }
        """);

    [Fact]
    public Task Static_member_cannot_use_an_instance_field() => Verify.VerifyNoCodeFixAsync("""
        using InfluxDB.Client;
        using Microsoft.Extensions.Configuration;
        class C
        {
            private readonly IConfiguration? _configuration;
            static InfluxDBClient M() => new InfluxDBClient("http://a", {|TG1002:"static-token"|});
        }
        """);
}

/// <summary>TG1005's fix: the password comes from <c>InfluxDB:Password</c>, the same way.</summary>
public class ReadPasswordFromConfigurationCodeFixTests
{
    [Fact]
    public Task The_password_is_read_from_InfluxDB_Password() => Verifiers.CSharpCodeFixVerifier<
        HardCodedPasswordAnalyzer, TokenGovernance.Analyzers.CodeFixes.ReadTokenFromConfigurationCodeFixProvider>.VerifyCodeFixAsync("""
        using System;
        using InfluxDB.Client;
        using Microsoft.Extensions.Configuration;
        class C { InfluxDBClient M(IConfiguration configuration) => new InfluxDBClient("http://a", "admin", {|TG1005:"Adm1n-passw0rd"|}); }
        """, """
        using System;
        using InfluxDB.Client;
        using Microsoft.Extensions.Configuration;
        class C { InfluxDBClient M(IConfiguration configuration) => new InfluxDBClient("http://a", "admin", configuration["InfluxDB:Password"] ?? throw new InvalidOperationException("Configure InfluxDB:Password with the InfluxDB password.")); }
        """);
}
