using Waymark.Analytics.EventLogs;

namespace Waymark.Analytics.Retention;

/// <summary>Cohort retention: customers grouped by the calendar period of their first start event, counted again in
/// each later period in which they did the return event.</summary>
/// <remarks>Periods follow <see cref="RetentionDefinition.TimeZone"/>: an event belongs to the local day (week from
/// Monday, month) it happened on. Only return events at or after the customer's first start event count; a return
/// event that is the start event itself does not. Periods in progress at the log's end are reported as they stand.</remarks>
public static class RetentionAnalyzer
{
    /// <summary>Analyzes the whole log.</summary>
    public static RetentionReport Analyze(EventLog log, RetentionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(definition);
        var start = log.ActivityIndex(definition.StartEvent);
        var returning = log.ActivityIndex(definition.ReturnEvent);
        var zone = definition.TimeZone ?? TimeZoneInfo.Utc;
        var cohorts = new SortedDictionary<int, (long Size, long[] Retained)>();
        var returned = new bool[definition.Periods + 1];
        for (var customer = 0; customer < log.CustomerCount && start >= 0; customer++)
        {
            var from = log.CustomerStartArray[customer];
            var to = log.CustomerStartArray[customer + 1];
            var first = -1;
            for (var i = from; i < to && first < 0; i++)
            {
                first = log.ActivityArray[i] == start ? i : -1;
            }

            if (first < 0)
            {
                continue;
            }

            var cohort = PeriodNumber(log.TimestampArray[first], zone, definition.Period);
            Array.Clear(returned);
            for (var i = first + 1; i < to && returning >= 0; i++)
            {
                if (log.ActivityArray[i] == returning)
                {
                    var offset = PeriodNumber(log.TimestampArray[i], zone, definition.Period) - cohort;
                    if (offset >= 0 && offset <= definition.Periods)
                    {
                        returned[offset] = true;
                    }
                }
            }

            if (!cohorts.TryGetValue(cohort, out var entry))
            {
                entry = (0, new long[definition.Periods + 1]);
            }

            var later = false;
            for (var k = definition.Periods; k >= 0; k--)
            {
                later |= returned[k];
                if (definition.OnOrAfter ? later : returned[k])
                {
                    entry.Retained[k]++;
                }
            }

            cohorts[cohort] = entry with { Size = entry.Size + 1 };
        }

        return new RetentionReport(cohorts.Select(pair => new RetentionCohort(PeriodStart(pair.Key, definition.Period), pair.Value.Size, pair.Value.Retained)).ToList());
    }

    /// <summary>Days since 0001-01-01, ISO weeks since the Monday 0001-01-01, or months since January of year 1, in local time.</summary>
    private static int PeriodNumber(long milliseconds, TimeZoneInfo zone, RetentionPeriod period)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        return period switch
        {
            RetentionPeriod.Day => date.DayNumber,
            RetentionPeriod.Week => date.DayNumber / 7,
            _ => ((date.Year - 1) * 12) + date.Month - 1,
        };
    }

    private static DateOnly PeriodStart(int number, RetentionPeriod period) => period switch
    {
        RetentionPeriod.Day => DateOnly.FromDayNumber(number),
        RetentionPeriod.Week => DateOnly.FromDayNumber(number * 7),
        _ => new DateOnly((number / 12) + 1, (number % 12) + 1, 1),
    };
}
