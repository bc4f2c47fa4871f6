global using Waymark.Domain.Ids;
global using Waymark.Domain.Results;
