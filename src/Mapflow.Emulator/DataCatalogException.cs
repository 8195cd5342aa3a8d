namespace Mapflow.Emulator;

/// <summary>
/// An error of the data-catalog (FastAPI) service in its shape 2: <c>{"detail":{"code","parameters"}}</c>, codes as
/// QGIS knows them (§7.3). Parameter values keep their JSON type (numbers stay numbers), as a Python dict does.
/// </summary>
internal sealed class DataCatalogException(int status, string code, object body) : Exception(code)
{
    public int Status { get; } = status;
    public object Body { get; } = body;

    public static DataCatalogException Of(int status, string code, params (string Name, object Value)[] parameters) =>
        new(status, code, new { detail = new { code, parameters = parameters.ToDictionary(p => p.Name, p => p.Value) } });

    public static DataCatalogException NotFound(string instanceType, string uid) =>
        Of(StatusCodes.Status404NotFound, "ItemNotFound", ("instance_type", instanceType), ("uid", uid));

    /// <summary>FastAPI's own answer to a request that fails its declared types: 422 with a list under detail.</summary>
    public static DataCatalogException Unprocessable(string location, string name, string type, string message) =>
        new(StatusCodes.Status422UnprocessableEntity, type, new { detail = new[] { new { type, loc = new[] { location, name }, msg = message } } });
}
