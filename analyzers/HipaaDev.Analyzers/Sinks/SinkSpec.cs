namespace HipaaDev.Analyzers.Sinks;

/// <summary>What part of a message a sink fills.</summary>
internal enum SinkRole
{
    /// <summary>Text of the message (plain, HTML, template text): HIPAA001.</summary>
    Body,

    /// <summary>Email subject line: HIPAA002, approved channels included.</summary>
    Subject,

    /// <summary>An object rendered whole by a template engine: HIPAA004.</summary>
    TemplateModel,
}

internal enum SinkMemberKind
{
    Method,
    Constructor,
    Property,
}

/// <summary>One row of the sink catalogue: a member of an SDK type and the message part it fills.</summary>
/// <param name="TypeName">Fully qualified metadata name of the declaring type (or a base type / interface of the receiver).</param>
/// <param name="MemberName">Method or property name; <c>.ctor</c> for constructors.</param>
/// <param name="ParameterName">The parameter that carries content; null for properties.</param>
/// <param name="Channel">How the message part is named in diagnostics: "SMS", "email", "message".</param>
/// <param name="IsHtml">The part is HTML markup (an HTML body), not plain text.</param>
/// <param name="SubjectWhenHeldAs">
/// For SDKs that model the subject and the body with one type (AWS SES's <c>Content</c>): the name under which the
/// object holding this part becomes the subject (a <c>Subject</c> property or a <c>subject</c> parameter, any case).
/// </param>
internal sealed record SinkSpec(
    string TypeName,
    string MemberName,
    SinkMemberKind Kind,
    string? ParameterName,
    SinkRole Role,
    string Channel,
    bool IsHtml = false,
    string? SubjectWhenHeldAs = null)
{
    /// <summary>The SDK's vendor or family, for the messaging inventory (see <see cref="SinkCatalog.VendorOf"/>).</summary>
    public string Vendor => SinkCatalog.VendorOf(TypeName);

    /// <summary>The member without the parameter, for example <c>System.Net.Mail.MailMessage..ctor</c>.</summary>
    public string Api => $"{TypeName}.{MemberName}";

    /// <summary>How the inventory names the part: body, subject or template.</summary>
    public string PartKey => Role switch
    {
        SinkRole.Subject => "subject",
        SinkRole.TemplateModel => "template",
        _ => "body",
    };

    /// <summary>A stable identifier of this row, for example <c>Twilio.Rest.Api.V2010.Account.MessageResource.Create(body)</c>.</summary>
    public string Key => ParameterName is null ? $"{TypeName}.{MemberName}" : $"{TypeName}.{MemberName}({ParameterName})";

    /// <summary>How diagnostics name the message part, for example "SMS body" or "email subject".</summary>
    public string PartName => Role switch
    {
        SinkRole.Subject => $"{Channel} subject",
        SinkRole.TemplateModel => $"{Channel} template data",
        _ => $"{Channel} body",
    };

    /// <summary>How diagnostics name the member, for example "MessageResource.Create".</summary>
    public string MemberDisplayName
    {
        get
        {
            var dot = TypeName.LastIndexOf('.');
            var typeName = dot < 0 ? TypeName : TypeName.Substring(dot + 1);
            var backtick = typeName.IndexOf('`');
            if (backtick >= 0)
            {
                typeName = typeName.Substring(0, backtick);
            }

            return Kind == SinkMemberKind.Constructor ? $"new {typeName}(...)" : $"{typeName}.{MemberName}";
        }
    }
}
