using Waymark.Application.Evidence;
using Waymark.Application.Storage;

namespace Waymark.Storage.Relational;

/// <summary>Survey answers in the <c>survey_responses</c> table, numbered per workspace in arrival order.</summary>
public sealed class RelationalSurveyResponseStore(SqlDialect dialect) : ISurveyResponseStore
{
    /// <inheritdoc />
    public async Task<long> AppendAsync(WorkspaceId workspaceId, IReadOnlyList<SurveyResponse> responses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responses);
        var workspace = dialect.Id(workspaceId.Value);
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockWorkspaceAsync(connection, transaction, workspaceId.Value, cancellationToken);
        var sequence = await Sql.LastSequenceAsync(connection, transaction, "survey_responses", workspace, cancellationToken);

        await using (var insert = Sql.Command(connection, transaction,
            "INSERT INTO survey_responses (workspace_id, sequence, customer, subject, metric, score, comment, answered_at) VALUES (@w, @s, @c, @j, @m, @v, @t, @a)",
            ("w", workspace), ("s", 0L), ("c", ""), ("j", ""), ("m", ""), ("v", 0), ("t", null), ("a", 0L)))
        {
            foreach (var response in responses)
            {
                insert.Parameters["s"].Value = ++sequence;
                insert.Parameters["c"].Value = response.Customer;
                insert.Parameters["j"].Value = response.Subject;
                insert.Parameters["m"].Value = response.Metric.ToString().ToLowerInvariant();
                insert.Parameters["v"].Value = response.Score;
                insert.Parameters["t"].Value = (object?)response.Comment ?? DBNull.Value;
                insert.Parameters["a"].Value = Sql.Time(response.AnsweredAt);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return responses.Count;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SurveyResponse>> ListAsync(WorkspaceId workspaceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        return await Sql.QueryAsync(connection,
            "SELECT customer, subject, metric, score, comment, answered_at FROM survey_responses WHERE workspace_id = @w ORDER BY sequence",
            reader => new SurveyResponse(reader.GetString(0), reader.GetString(1), SurveyResponse.MetricOf(reader.GetString(2)) ?? throw new InvalidDataException($"Unknown metric {reader.GetString(2)} in survey_responses."),
                reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), Sql.ReadTime(reader, 5)),
            cancellationToken, ("w", dialect.Id(workspaceId.Value)));
    }
}
