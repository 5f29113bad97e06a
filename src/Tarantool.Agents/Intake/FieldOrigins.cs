namespace Tarantool.Agents.Intake;

/// <summary>How messages name a field, so the user always learns which flag to pass or fix.</summary>
internal static class FieldOrigins
{
    public static string Label(this FieldOrigin origin, RequestField field) => origin switch
    {
        FieldOrigin.CommandLine => RequestFields.Flag(field),
        FieldOrigin.DescriptionFlag => $"{RequestFields.Flag(field)} (written in the description)",
        FieldOrigin.Model => $"{RequestFields.Flag(field)} (the model's reading of the description)",
        _ => $"{RequestFields.Flag(field)} (read from the description)",
    };
}
