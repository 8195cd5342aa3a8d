var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/version", () => "3.6.0");
app.Run();
