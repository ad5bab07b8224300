using System;
using InfluxDB.Client;

public class Writer
{
    private const string DevToken = "my-made-up-dev-admin-token";

    public InfluxDBClient Create() =>
        new InfluxDBClient("http://localhost:8086", Environment.GetEnvironmentVariable("INFLUX_TOKEN") ?? DevToken);

    public InfluxDBClient Admin() => new InfluxDBClient("http://localhost:8086", "admin", "made-up-admin-pw");
}
