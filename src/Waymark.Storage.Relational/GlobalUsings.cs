global using Waymark.Domain.Ids;
