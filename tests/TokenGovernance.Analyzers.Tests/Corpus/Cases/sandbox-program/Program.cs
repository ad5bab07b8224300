using InfluxDB.Client;

// an API token from the UI; the earlier one is kept in a comment
//const string oldToken = "imCaXyMFSb4hBqlxJJLafBvv6Q9RxXTndfYUZx9K1GNNEgeyg1-lWIQd9JjbaCIi05fHFWkvQLuR5qREC8tnEA==";
const string token = "J9InoRJJ5vFQrtK8J1D_BwwBJKLOg1qx647KDnL9CdO_-gBvmSZVr4_epzgZ3ZbxcoaRR_sFIjVO58jb0w_o5g==";

using var client = InfluxDBClientFactory.Create("http://localhost:8086", token);
System.Console.WriteLine(client.GetType().Name);
