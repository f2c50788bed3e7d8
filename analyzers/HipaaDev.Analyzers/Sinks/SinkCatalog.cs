using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace HipaaDev.Analyzers.Sinks;

/// <summary>
/// Every SDK member that puts text into an SMS or email, with the message part it fills. Read from each SDK's
/// public API (see the sink catalogue in the design notes). Content-setting members are the sinks, not the
/// transport calls: that is where the PHI enters the message, and it works when a message is built in one
/// method and sent in another. Recipients (phone numbers, addresses) are deliberately absent.
/// </summary>
internal static class SinkCatalog
{
    private const string Sms = "SMS";
    private const string Email = "email";
    private const string Message = "message";

    public static readonly ImmutableArray<SinkSpec> All = Build(
        // System.Net.Mail
        Ctor("System.Net.Mail.MailMessage", Email, ("subject", SinkRole.Subject), ("body", SinkRole.Body)),
        Props("System.Net.Mail.MailMessage", Email, ("Subject", SinkRole.Subject), ("Body", SinkRole.Body)),
        Method("System.Net.Mail.AlternateView", "CreateAlternateViewFromString", Email, ("content", SinkRole.Body)),
        Method("System.Net.Mail.Attachment", "CreateAttachmentFromString", Email, ("content", SinkRole.Body)),
        Method("System.Net.Mail.LinkedResource", "CreateLinkedResourceFromString", Email, ("content", SinkRole.Body)),
        Method("System.Net.Mail.SmtpClient", "Send", Email, ("subject", SinkRole.Subject), ("body", SinkRole.Body)),
        Method("System.Net.Mail.SmtpClient", "SendAsync", Email, ("subject", SinkRole.Subject), ("body", SinkRole.Body)),
        Method("System.Net.Mail.SmtpClient", "SendMailAsync", Email, ("subject", SinkRole.Subject), ("body", SinkRole.Body)),

        // MimeKit (MailKit's transports send a MimeMessage; its content is set here)
        Props("MimeKit.MimeMessage", Email, ("Subject", SinkRole.Subject)),
        Ctor("MimeKit.MimeMessage", Email, ("subject", SinkRole.Subject), ("args", SinkRole.Subject)),
        Props("MimeKit.TextPart", Email, ("Text", SinkRole.Body)),
        Method("MimeKit.TextPart", "SetText", Email, ("text", SinkRole.Body)),
        Ctor("MimeKit.TextPart", Email, ("args", SinkRole.Body)),
        Props("MimeKit.BodyBuilder", Email, ("TextBody", SinkRole.Body), ("HtmlBody", SinkRole.Body)).Html("HtmlBody"),

        // SendGrid
        Props("SendGrid.Helpers.Mail.SendGridMessage", Email,
            ("Subject", SinkRole.Subject), ("PlainTextContent", SinkRole.Body), ("HtmlContent", SinkRole.Body)).Html("HtmlContent"),
        Method("SendGrid.Helpers.Mail.SendGridMessage", "AddContent", Email, ("text", SinkRole.Body)),
        Method("SendGrid.Helpers.Mail.SendGridMessage", "SetSubject", Email, ("subject", SinkRole.Subject)),
        Method("SendGrid.Helpers.Mail.SendGridMessage", "SetGlobalSubject", Email, ("subject", SinkRole.Subject)),
        Method("SendGrid.Helpers.Mail.SendGridMessage", "AddSubstitution", Email, ("substitutionValue", SinkRole.Body)),
        Method("SendGrid.Helpers.Mail.SendGridMessage", "AddSubstitutions", Email, ("substitutions", SinkRole.Body)),
        Method("SendGrid.Helpers.Mail.SendGridMessage", "SetTemplateData", Email, ("dynamicTemplateData", SinkRole.TemplateModel)),
        Ctor("SendGrid.Helpers.Mail.Content", Email, ("value", SinkRole.Body)),
        Props("SendGrid.Helpers.Mail.Content", Email, ("Value", SinkRole.Body)),
        Props("SendGrid.Helpers.Mail.Personalization", Email,
            ("Subject", SinkRole.Subject), ("Substitutions", SinkRole.Body), ("TemplateData", SinkRole.TemplateModel)),
        Method("SendGrid.Helpers.Mail.MailHelper", "CreateSingleEmail", Email,
            ("subject", SinkRole.Subject), ("plainTextContent", SinkRole.Body), ("htmlContent", SinkRole.Body)).Html("htmlContent"),
        Method("SendGrid.Helpers.Mail.MailHelper", "CreateSingleEmailToMultipleRecipients", Email,
            ("subject", SinkRole.Subject), ("plainTextContent", SinkRole.Body), ("htmlContent", SinkRole.Body)).Html("htmlContent"),
        Method("SendGrid.Helpers.Mail.MailHelper", "CreateMultipleEmailsToMultipleRecipients", Email,
            ("subjects", SinkRole.Subject), ("plainTextContent", SinkRole.Body), ("htmlContent", SinkRole.Body),
            ("substitutions", SinkRole.Body)).Html("htmlContent"),
        Method("SendGrid.Helpers.Mail.MailHelper", "CreateSingleTemplateEmail", Email, ("dynamicTemplateData", SinkRole.TemplateModel)),
        Method("SendGrid.Helpers.Mail.MailHelper", "CreateSingleTemplateEmailToMultipleRecipients", Email,
            ("dynamicTemplateData", SinkRole.TemplateModel)),
        Method("SendGrid.Helpers.Mail.MailHelper", "CreateMultipleTemplateEmailsToMultipleRecipients", Email,
            ("dynamicTemplateData", SinkRole.TemplateModel)),

        // Twilio Programmable Messaging
        Method("Twilio.Rest.Api.V2010.Account.MessageResource", "Create", Sms,
            ("body", SinkRole.Body), ("contentVariables", SinkRole.TemplateModel)),
        Method("Twilio.Rest.Api.V2010.Account.MessageResource", "CreateAsync", Sms,
            ("body", SinkRole.Body), ("contentVariables", SinkRole.TemplateModel)),
        Props("Twilio.Rest.Api.V2010.Account.CreateMessageOptions", Sms,
            ("Body", SinkRole.Body), ("ContentVariables", SinkRole.TemplateModel)),

        // Twilio Conversations (and the older Chat / IP Messaging message APIs of the same shape)
        Method("Twilio.Rest.Conversations.V1.Conversation.MessageResource", "Create", Message,
            ("body", SinkRole.Body), ("subject", SinkRole.Subject), ("contentVariables", SinkRole.TemplateModel)),
        Method("Twilio.Rest.Conversations.V1.Conversation.MessageResource", "CreateAsync", Message,
            ("body", SinkRole.Body), ("subject", SinkRole.Subject), ("contentVariables", SinkRole.TemplateModel)),
        Props("Twilio.Rest.Conversations.V1.Conversation.CreateMessageOptions", Message,
            ("Body", SinkRole.Body), ("Subject", SinkRole.Subject), ("ContentVariables", SinkRole.TemplateModel)),
        Method("Twilio.Rest.Conversations.V1.Service.Conversation.MessageResource", "Create", Message,
            ("body", SinkRole.Body), ("subject", SinkRole.Subject), ("contentVariables", SinkRole.TemplateModel)),
        Method("Twilio.Rest.Conversations.V1.Service.Conversation.MessageResource", "CreateAsync", Message,
            ("body", SinkRole.Body), ("subject", SinkRole.Subject), ("contentVariables", SinkRole.TemplateModel)),
        Props("Twilio.Rest.Conversations.V1.Service.Conversation.CreateMessageOptions", Message,
            ("Body", SinkRole.Body), ("Subject", SinkRole.Subject), ("ContentVariables", SinkRole.TemplateModel)),
        Method("Twilio.Rest.Chat.V2.Service.Channel.MessageResource", "Create", Message, ("body", SinkRole.Body)),
        Method("Twilio.Rest.Chat.V2.Service.Channel.MessageResource", "CreateAsync", Message, ("body", SinkRole.Body)),
        Props("Twilio.Rest.Chat.V2.Service.Channel.CreateMessageOptions", Message, ("Body", SinkRole.Body)),
        Method("Twilio.Rest.IpMessaging.V2.Service.Channel.MessageResource", "Create", Message, ("body", SinkRole.Body)),
        Method("Twilio.Rest.IpMessaging.V2.Service.Channel.MessageResource", "CreateAsync", Message, ("body", SinkRole.Body)),
        Props("Twilio.Rest.IpMessaging.V2.Service.Channel.CreateMessageOptions", Message, ("Body", SinkRole.Body)),

        // Microsoft Graph (mail via Message/ItemBody; ItemBody also carries Teams chat text)
        Props("Microsoft.Graph.Models.Message", Email, ("Subject", SinkRole.Subject)),
        Props("Microsoft.Graph.Models.ItemBody", Message, ("Content", SinkRole.Body)),

        // AWS SNS
        Ctor("Amazon.SimpleNotificationService.Model.PublishRequest", Message,
            ("message", SinkRole.Body), ("subject", SinkRole.Subject)),
        Props("Amazon.SimpleNotificationService.Model.PublishRequest", Message,
            ("Message", SinkRole.Body), ("Subject", SinkRole.Subject)),
        Props("Amazon.SimpleNotificationService.Model.PublishBatchRequestEntry", Message,
            ("Message", SinkRole.Body), ("Subject", SinkRole.Subject)),
        Method("Amazon.SimpleNotificationService.IAmazonSimpleNotificationService", "PublishAsync", Message,
            ("message", SinkRole.Body), ("subject", SinkRole.Subject)),
        Method("Amazon.SimpleNotificationService.IAmazonSimpleNotificationService", "Publish", Message,
            ("message", SinkRole.Body), ("subject", SinkRole.Subject)),
        Method("Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceClient", "PublishAsync", Message,
            ("message", SinkRole.Body), ("subject", SinkRole.Subject)),
        Method("Amazon.SimpleNotificationService.AmazonSimpleNotificationServiceClient", "Publish", Message,
            ("message", SinkRole.Body), ("subject", SinkRole.Subject)),

        // AWS SES v2 and v1: Content.Data is the text; a Content assigned to Message.Subject is the subject.
        Props("Amazon.SimpleEmailV2.Model.Content", Email, ("Data", SinkRole.Body)).SubjectWhenHeldAs("Subject"),
        Props("Amazon.SimpleEmailV2.Model.Template", Email, ("TemplateData", SinkRole.TemplateModel)),
        Ctor("Amazon.SimpleEmail.Model.Content", Email, ("data", SinkRole.Body)).SubjectWhenHeldAs("Subject"),
        Props("Amazon.SimpleEmail.Model.Content", Email, ("Data", SinkRole.Body)).SubjectWhenHeldAs("Subject"),
        Props("Amazon.SimpleEmail.Model.SendTemplatedEmailRequest", Email, ("TemplateData", SinkRole.TemplateModel)),

        // Azure Communication Services
        Method("Azure.Communication.Sms.SmsClient", "Send", Sms, ("message", SinkRole.Body)),
        Method("Azure.Communication.Sms.SmsClient", "SendAsync", Sms, ("message", SinkRole.Body)),
        Method("Azure.Communication.Email.EmailClient", "Send", Email,
            ("subject", SinkRole.Subject), ("htmlContent", SinkRole.Body), ("plainTextContent", SinkRole.Body)).Html("htmlContent"),
        Method("Azure.Communication.Email.EmailClient", "SendAsync", Email,
            ("subject", SinkRole.Subject), ("htmlContent", SinkRole.Body), ("plainTextContent", SinkRole.Body)).Html("htmlContent"),
        Ctor("Azure.Communication.Email.EmailContent", Email, ("subject", SinkRole.Subject)),
        Props("Azure.Communication.Email.EmailContent", Email, ("Html", SinkRole.Body), ("PlainText", SinkRole.Body)).Html("Html"),

        // Vonage
        Props("Vonage.Messaging.SendSmsRequest", Sms, ("Text", SinkRole.Body)),
        Method("Vonage.Messaging.ISmsClient", "SendAnSmsAsync", Sms, ("text", SinkRole.Body)),
        Method("Vonage.Messaging.SmsClient", "SendAnSmsAsync", Sms, ("text", SinkRole.Body)),
        Props("Vonage.Messages.Sms.SmsRequest", Sms, ("Text", SinkRole.Body)),

        // FluentEmail
        Method("FluentEmail.Core.IFluentEmail", "Subject", Email, ("subject", SinkRole.Subject)),
        Method("FluentEmail.Core.IFluentEmail", "Body", Email, ("body", SinkRole.Body)),
        Method("FluentEmail.Core.IFluentEmail", "PlaintextAlternativeBody", Email, ("body", SinkRole.Body)),
        Method("FluentEmail.Core.IFluentEmail", "UsingTemplate", Email, ("template", SinkRole.Body), ("model", SinkRole.TemplateModel)),
        Method("FluentEmail.Core.IFluentEmail", "UsingTemplateFromFile", Email, ("model", SinkRole.TemplateModel)),
        Method("FluentEmail.Core.IFluentEmail", "UsingTemplateFromEmbedded", Email, ("model", SinkRole.TemplateModel)),
        Method("FluentEmail.Core.IFluentEmail", "PlaintextAlternativeUsingTemplate", Email,
            ("template", SinkRole.Body), ("model", SinkRole.TemplateModel)),
        Method("FluentEmail.Core.IFluentEmail", "PlaintextAlternativeUsingTemplateFromFile", Email, ("model", SinkRole.TemplateModel)),
        Method("FluentEmail.Core.IFluentEmail", "PlaintextAlternativeUsingTemplateFromEmbedded", Email, ("model", SinkRole.TemplateModel)),
        Props("FluentEmail.Core.Models.EmailData", Email,
            ("Subject", SinkRole.Subject), ("Body", SinkRole.Body), ("PlaintextAlternativeBody", SinkRole.Body)));

    // Which SDK a catalogued type belongs to, by namespace prefix (the longest prefix wins).
    private static readonly (string Prefix, string Vendor)[] s_vendors =
    {
        ("System.Net.Mail.", "System.Net.Mail"),
        ("MimeKit.", "MailKit/MimeKit"),
        ("MailKit.", "MailKit/MimeKit"),
        ("SendGrid.", "SendGrid"),
        ("Twilio.", "Twilio"),
        ("Microsoft.Graph.", "Microsoft Graph"),
        ("Amazon.SimpleNotificationService.", "AWS SNS"),
        ("Amazon.SimpleEmail", "AWS SES"),
        ("Azure.Communication.", "Azure Communication Services"),
        ("Vonage.", "Vonage"),
        ("FluentEmail.", "FluentEmail"),
    };

    /// <summary>The vendor or SDK family of a catalogued type, for the messaging inventory.</summary>
    public static string VendorOf(string typeName)
    {
        var best = "";
        var vendor = typeName;
        foreach (var (prefix, name) in s_vendors)
        {
            if (typeName.StartsWith(prefix, System.StringComparison.Ordinal) && prefix.Length > best.Length)
            {
                best = prefix;
                vendor = name;
            }
        }

        return vendor;
    }

    private static ImmutableArray<SinkSpec> Build(params IEnumerable<SinkSpec>[] groups)
    {
        var builder = ImmutableArray.CreateBuilder<SinkSpec>();
        foreach (var group in groups)
        {
            builder.AddRange(group);
        }

        return builder.ToImmutable();
    }

    /// <summary>Marks the named parts of these rows as HTML markup.</summary>
    private static IEnumerable<SinkSpec> Html(this IEnumerable<SinkSpec> rows, params string[] parts) =>
        rows.Select(row => parts.Contains(row.ParameterName ?? row.MemberName) ? row with { IsHtml = true } : row);

    /// <summary>These rows are a subject, not a body, when the object holding them is held under this name.</summary>
    private static IEnumerable<SinkSpec> SubjectWhenHeldAs(this IEnumerable<SinkSpec> rows, string name) =>
        rows.Select(row => row with { SubjectWhenHeldAs = name });

    private static IEnumerable<SinkSpec> Method(string type, string method, string channel, params (string Parameter, SinkRole Role)[] parameters)
    {
        foreach (var (parameter, role) in parameters)
        {
            yield return new SinkSpec(type, method, SinkMemberKind.Method, parameter, role, channel);
        }
    }

    private static IEnumerable<SinkSpec> Ctor(string type, string channel, params (string Parameter, SinkRole Role)[] parameters)
    {
        foreach (var (parameter, role) in parameters)
        {
            yield return new SinkSpec(type, ".ctor", SinkMemberKind.Constructor, parameter, role, channel);
        }
    }

    private static IEnumerable<SinkSpec> Props(string type, string channel, params (string Property, SinkRole Role)[] properties)
    {
        foreach (var (property, role) in properties)
        {
            yield return new SinkSpec(type, property, SinkMemberKind.Property, null, role, channel);
        }
    }
}
