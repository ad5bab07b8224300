using InfluxDB.Client;
using Microsoft.Extensions.Configuration;

public class InfluxDbOptions
{
    public string Token { get; set; } = string.Empty;
    public string Url { get; set; } = "http://localhost:8086";
    public string Org { get; set; } = "accident_monitor";
}

public class InfluxDbService
{
    private readonly string _token;
    private readonly string _url;

    public InfluxDbService(IConfiguration configuration)
    {
        _token = configuration["InfluxDB:Token"]!;
        _url = configuration["InfluxDB:Url"]!;
    }

    public InfluxDBClient Client() => new InfluxDBClient(url: _url, token: _token);
}
