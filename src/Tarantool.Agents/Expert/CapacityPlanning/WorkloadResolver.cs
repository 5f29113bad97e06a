using Tarantool.Agents.Narratives;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Turns the request's optional workload figures into the figures the plan uses. A missing or unusable figure is
/// replaced by the environment's assumption or derived from the figures that were given, and the log records which
/// and why: the plan never contains a silent default.
/// </summary>
internal static class WorkloadResolver
{
    public static ResolvedWorkload Resolve(ClusterRequest request, EnvironmentProfile profile, Language language, FormulaLog log)
    {
        var given = request.Workload;
        var env = EnvironmentName(profile.Environment, language);

        var averageBytes = ResolveAverageBytes(given, profile, language, log);
        var dataSize = ResolveDataSize(given, profile, averageBytes, env, language, log);

        var readRps = given.ReadRps is >= 0 ? given.ReadRps.Value : AssumeInt(log, "readRps", profile.ReadRps, given.ReadRps, language,
            $"no read rate was given; {Figures.Integer(profile.ReadRps)} rps is the planning figure for a {env} cluster",
            $"скорость чтения не указана; {Figures.Integer(profile.ReadRps)} rps — плановое значение для окружения {env}");
        var writeRps = given.WriteRps is >= 0 ? given.WriteRps.Value : AssumeInt(log, "writeRps", profile.WriteRps, given.WriteRps, language,
            $"no write rate was given; {Figures.Integer(profile.WriteRps)} rps (about one write per five reads) is the planning figure for a {env} cluster",
            $"скорость записи не указана; {Figures.Integer(profile.WriteRps)} rps (примерно одна запись на пять чтений) — плановое значение для окружения {env}");

        double growth;
        if (given.GrowthPercentPerYear is >= 0 and <= 1000) growth = given.GrowthPercentPerYear.Value;
        else
        {
            growth = profile.GrowthPercentPerYear;
            var shrinking = given.GrowthPercentPerYear is < 0;
            log.Assume("growthPercentPerYear", Figures.Number(growth), shrinking
                ? language.Pick("the data was said to shrink; capacity is not planned below today's figure, so the usual 30%/year growth is kept as a safety margin",
                    "указано сокращение данных; мощности не планируются ниже текущих, поэтому сохранён обычный запас роста 30% в год")
                : language.Pick("no growth rate was given; 30% a year is a common rate for a growing OLTP data set",
                    "темп роста не указан; 30% в год — типичный темп для растущей OLTP-базы"));
        }

        var horizon = given.HorizonMonths is > 0 and <= 120 ? given.HorizonMonths.Value : AssumeInt(log, "horizonMonths", profile.HorizonMonths, given.HorizonMonths, language,
            $"no planning horizon was given; {profile.HorizonMonths} months is the hardware refresh cycle planned for a {env} cluster",
            $"горизонт планирования не указан; {profile.HorizonMonths} мес. — цикл обновления оборудования для окружения {env}");

        return new ResolvedWorkload(dataSize, averageBytes, readRps, writeRps, growth, horizon, given.Engine);
    }

    private static int ResolveAverageBytes(Workload given, EnvironmentProfile profile, Language language, FormulaLog log)
    {
        if (given.AverageRecordBytes is > 0) return given.AverageRecordBytes.Value;
        if (given.DataSizeGb is > 0 && given.RecordCount is > 0)
        {
            var derived = (int)Math.Max(1, Math.Round(given.DataSizeGb.Value * PlanningConstants.BytesPerGb / given.RecordCount.Value));
            log.Assume("averageRecordBytes", Figures.Integer(derived), language.Pick(
                $"derived from the given data size and record count: {Figures.Number(given.DataSizeGb.Value, 2)} GB / {Figures.Integer(given.RecordCount.Value)} records",
                $"выведено из указанных объёма и числа записей: {Figures.Number(given.DataSizeGb.Value, 2)} GB / {Figures.Integer(given.RecordCount.Value)} записей"));
            return derived;
        }

        log.Assume("averageRecordBytes", Figures.Integer(profile.AverageRecordBytes), language.Pick(
            $"no tuple size was given; {profile.AverageRecordBytes} bytes is a typical OLTP record (a dozen fields with short strings)",
            $"размер кортежа не указан; {profile.AverageRecordBytes} байт — типичная OLTP-запись (десяток полей с короткими строками)"));
        return profile.AverageRecordBytes;
    }

    private static double ResolveDataSize(Workload given, EnvironmentProfile profile, int averageBytes, string env, Language language, FormulaLog log)
    {
        if (given.DataSizeGb is > 0) return given.DataSizeGb.Value;
        if (given.RecordCount is > 0)
        {
            var derived = Math.Round(given.RecordCount.Value * (double)averageBytes / PlanningConstants.BytesPerGb, 3);
            log.Formula("dataSizeGb", $"{Figures.Integer(given.RecordCount.Value)} records × {averageBytes} B / 10^9", $"{Figures.Number(derived, 3)} GB");
            log.Assume("dataSizeGb", Figures.Number(derived, 3), language.Pick(
                $"no data size was given; derived from {Figures.Integer(given.RecordCount.Value)} records × {averageBytes} bytes",
                $"объём данных не указан; выведен из {Figures.Integer(given.RecordCount.Value)} записей × {averageBytes} байт"));
            return Math.Max(derived, 0.001);
        }

        log.Assume("dataSizeGb", Figures.Number(profile.DataSizeGb), language.Pick(
            $"no data size or record count was given; {Figures.Gb(profile.DataSizeGb)} is the planning figure for a {env} cluster",
            $"не указаны ни объём данных, ни число записей; {Figures.Gb(profile.DataSizeGb)} — плановое значение для окружения {env}"));
        return profile.DataSizeGb;
    }

    private static int AssumeInt(FormulaLog log, string name, int value, int? unusable, Language language, string english, string russian)
    {
        var reason = unusable is null ? language.Pick(english, russian)
            : language.Pick($"the given value {unusable} is not usable; ", $"указанное значение {unusable} непригодно; ") + language.Pick(english, russian);
        log.Assume(name, Figures.Integer(value), reason);
        return value;
    }

    public static string EnvironmentName(DeploymentEnvironment environment, Language language) => environment switch
    {
        DeploymentEnvironment.Development => language.Pick("development", "development (разработка)"),
        DeploymentEnvironment.Staging => language.Pick("staging", "staging (предпрод)"),
        _ => language.Pick("production", "production (прод)"),
    };
}
