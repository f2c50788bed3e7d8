namespace HipaaDev.Analyzers.Tests.Sinks;

/// <summary>
/// Realistic sends through every SDK in the sink catalogue. Each PHI value is marked with the rule expected there,
/// <c>{|HIPAA001:...|}</c> for a body, <c>{|HIPAA002:...|}</c> for a subject, <c>{|HIPAA004:...|}</c> for template
/// data, and reads one PHI member of <see cref="Patient"/> (or passes the whole patient): that is the source the
/// diagnostic must name. Used by the per-SDK tests, the catalogue coverage test and the robustness tests.
/// </summary>
internal static class SinkSamples
{
    /// <summary>Markers on the PHI declarations of <see cref="Patient"/>, where a diagnostic's additional location points.</summary>
    public const int PatientDeclaration = 100;
    public const int NameDeclaration = 101;
    public const int DiagnosisDeclaration = 102;

    public static readonly string Patient = $$"""
        using HipaaDev.Annotations;
        namespace Clinic
        {
            public sealed class {|#{{PatientDeclaration}}:Patient|}
            {
                public string Email { get; set; } = "";
                public string Phone { get; set; } = "";
                [Phi] public string {|#{{NameDeclaration}}:Name|} { get; set; } = "";
                [Phi] public string {|#{{DiagnosisDeclaration}}:Diagnosis|} { get; set; } = "";
            }
        }
        """;

    public const string SystemNetMail = """
        using System.Net.Mail;
        using System.Threading.Tasks;
        namespace Clinic
        {
            public sealed class MailSender
            {
                public async Task SendAsync(Patient p, SmtpClient smtp)
                {
                    var first = new MailMessage("clinic@example.org", p.Email, {|HIPAA002:"Re: " + p.Name|}, {|HIPAA001:p.Diagnosis|});
                    var second = new MailMessage { Subject = {|HIPAA002:p.Name|}, Body = {|HIPAA001:p.Diagnosis|} };
                    second.AlternateViews.Add(AlternateView.CreateAlternateViewFromString({|HIPAA001:"<p>" + p.Diagnosis + "</p>"|}, null, "text/html"));
                    second.Attachments.Add(Attachment.CreateAttachmentFromString({|HIPAA001:p.Diagnosis|}, "notes.txt"));
                    using var logo = LinkedResource.CreateLinkedResourceFromString({|HIPAA001:p.Diagnosis|});
                    smtp.Send("clinic@example.org", p.Email, {|HIPAA002:p.Name|}, {|HIPAA001:p.Diagnosis|});
                    smtp.SendAsync("clinic@example.org", p.Email, {|HIPAA002:p.Name|}, {|HIPAA001:p.Diagnosis|}, null);
                    await smtp.SendMailAsync("clinic@example.org", p.Email, {|HIPAA002:p.Name|}, {|HIPAA001:p.Diagnosis|});
                    smtp.Send(first);
                }
            }
        }
        """;

    public const string MimeKit = """
        using MailKit.Net.Smtp;
        using MimeKit;
        namespace Clinic
        {
            public sealed class MimeSender
            {
                public void Send(Patient p)
                {
                    var message = new MimeMessage();
                    message.From.Add(new MailboxAddress("Clinic", "clinic@example.org"));
                    message.To.Add(MailboxAddress.Parse(p.Email));
                    message.Subject = {|HIPAA002:p.Name|};
                    var builder = new BodyBuilder { TextBody = {|HIPAA001:p.Diagnosis|}, HtmlBody = {|HIPAA001:$"<b>{p.Diagnosis}</b>"|} };
                    message.Body = builder.ToMessageBody();
                    var part = new TextPart("plain") { Text = {|HIPAA001:p.Diagnosis|} };
                    part.SetText("utf-8", {|HIPAA001:p.Diagnosis|});
                    var other = new TextPart("plain", {|HIPAA001:p.Diagnosis|});
                    var second = new MimeMessage(new[] { new MailboxAddress("Clinic", "clinic@example.org") }, new[] { MailboxAddress.Parse(p.Email) }, {|HIPAA002:p.Name|}, part);
                    var third = new MimeMessage(new MailboxAddress("Clinic", "clinic@example.org"), {|HIPAA002:"Results for " + p.Name|}, other);
                    using var client = new SmtpClient();
                    client.Send(message);
                }
            }
        }
        """;

    public const string SendGrid = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using SendGrid;
        using SendGrid.Helpers.Mail;
        namespace Clinic
        {
            public sealed class SendGridSender
            {
                public async Task SendAsync(Patient p, ISendGridClient client)
                {
                    var from = new EmailAddress("clinic@example.org", "Clinic");
                    var to = new EmailAddress(p.Email);
                    var tos = new List<EmailAddress> { to };
                    var single = MailHelper.CreateSingleEmail(from, to, {|HIPAA002:p.Name|}, {|HIPAA001:p.Diagnosis|}, {|HIPAA001:$"<p>{p.Diagnosis}</p>"|});
                    var many = MailHelper.CreateSingleEmailToMultipleRecipients(from, tos, {|HIPAA002:p.Name|}, {|HIPAA001:p.Diagnosis|}, "<p>See portal</p>");
                    var each = MailHelper.CreateMultipleEmailsToMultipleRecipients(from, tos, {|HIPAA002:new List<string> { p.Name }|}, {|HIPAA001:p.Diagnosis|}, "<p>-</p>",
                        {|HIPAA001:new List<Dictionary<string, string>> { new Dictionary<string, string> { ["-dx-"] = p.Diagnosis } }|});
                    var message = new SendGridMessage { Subject = {|HIPAA002:p.Name|}, PlainTextContent = {|HIPAA001:p.Diagnosis|}, HtmlContent = {|HIPAA001:p.Diagnosis|} };
                    message.AddContent(MimeType.Text, {|HIPAA001:p.Diagnosis|});
                    message.SetSubject({|HIPAA002:p.Name|});
                    message.SetGlobalSubject({|HIPAA002:p.Name|});
                    message.AddSubstitution("-dx-", {|HIPAA001:p.Diagnosis|});
                    message.AddSubstitutions({|HIPAA001:new Dictionary<string, string> { ["-dx-"] = p.Diagnosis }|});
                    message.SetTemplateData({|HIPAA004:p|});
                    var content = new Content("text/plain", {|HIPAA001:p.Diagnosis|});
                    content.Value = {|HIPAA001:p.Diagnosis|};
                    var personalization = new Personalization { Subject = {|HIPAA002:p.Name|}, TemplateData = {|HIPAA004:p|}, Substitutions = new Dictionary<string, string>() };
                    personalization.Substitutions.Add("-dx-", {|HIPAA001:p.Diagnosis|});
                    var template = MailHelper.CreateSingleTemplateEmail(from, to, "d-123", {|HIPAA004:new { name = p.Name }|});
                    var templates = MailHelper.CreateSingleTemplateEmailToMultipleRecipients(from, tos, "d-123", {|HIPAA004:p|});
                    var perRecipient = MailHelper.CreateMultipleTemplateEmailsToMultipleRecipients(from, tos, "d-123", {|HIPAA004:new List<object> { p }|});
                    var manyHtml = MailHelper.CreateSingleEmailToMultipleRecipients(from, tos, "Update", "See the portal", {|HIPAA001:$"<p>{p.Diagnosis}</p>"|});
                    var eachHtml = MailHelper.CreateMultipleEmailsToMultipleRecipients(from, tos, new List<string> { "Update" }, "See the portal", {|HIPAA001:p.Diagnosis|},
                        new List<Dictionary<string, string>>());
                    await client.SendEmailAsync(message);
                }
            }
        }
        """;

    public const string Twilio = """
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Threading.Tasks;
        using Twilio.Rest.Api.V2010.Account;
        using Twilio.Types;
        namespace Clinic
        {
            public sealed class TwilioSender
            {
                public async Task SendAsync(Patient p)
                {
                    MessageResource.Create(to: new PhoneNumber(p.Phone), from: new PhoneNumber("+15550100"), body: {|HIPAA001:p.Diagnosis|});
                    await MessageResource.CreateAsync(new PhoneNumber(p.Phone), from: new PhoneNumber("+15550100"), body: {|HIPAA001:$"Dx: {p.Diagnosis}"|});
                    MessageResource.Create(to: new PhoneNumber(p.Phone), messagingServiceSid: "MG00", contentSid: "HX00",
                        contentVariables: {|HIPAA004:JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = p.Name })|});
                    var options = new CreateMessageOptions(new PhoneNumber(p.Phone)) { Body = {|HIPAA001:p.Diagnosis|}, ContentVariables = {|HIPAA004:"{\"1\":\"" + p.Name + "\"}"|} };
                    await MessageResource.CreateAsync(options);

                    Twilio.Rest.Conversations.V1.Conversation.MessageResource.Create(pathConversationSid: "CH00", body: {|HIPAA001:p.Diagnosis|}, subject: {|HIPAA002:p.Name|}, contentVariables: {|HIPAA004:p.Name|});
                    await Twilio.Rest.Conversations.V1.Conversation.MessageResource.CreateAsync(pathConversationSid: "CH00", body: {|HIPAA001:p.Diagnosis|});
                    var conversation = new Twilio.Rest.Conversations.V1.Conversation.CreateMessageOptions("CH00") { Body = {|HIPAA001:p.Diagnosis|}, Subject = {|HIPAA002:p.Name|}, ContentVariables = {|HIPAA004:p.Name|} };
                    Twilio.Rest.Conversations.V1.Service.Conversation.MessageResource.Create(pathChatServiceSid: "IS00", pathConversationSid: "CH00", body: {|HIPAA001:p.Diagnosis|}, subject: {|HIPAA002:p.Name|}, contentVariables: {|HIPAA004:p.Name|});
                    await Twilio.Rest.Conversations.V1.Service.Conversation.MessageResource.CreateAsync(pathChatServiceSid: "IS00", pathConversationSid: "CH00", body: {|HIPAA001:p.Diagnosis|});
                    var service = new Twilio.Rest.Conversations.V1.Service.Conversation.CreateMessageOptions("IS00", "CH00") { Body = {|HIPAA001:p.Diagnosis|}, Subject = {|HIPAA002:p.Name|}, ContentVariables = {|HIPAA004:p.Name|} };
                    Twilio.Rest.Chat.V2.Service.Channel.MessageResource.Create(pathServiceSid: "IS00", pathChannelSid: "CH00", body: {|HIPAA001:p.Diagnosis|});
                    await Twilio.Rest.Chat.V2.Service.Channel.MessageResource.CreateAsync(pathServiceSid: "IS00", pathChannelSid: "CH00", body: {|HIPAA001:p.Diagnosis|});
                    var chat = new Twilio.Rest.Chat.V2.Service.Channel.CreateMessageOptions("IS00", "CH00") { Body = {|HIPAA001:p.Diagnosis|} };
                    Twilio.Rest.IpMessaging.V2.Service.Channel.MessageResource.Create(pathServiceSid: "IS00", pathChannelSid: "CH00", body: {|HIPAA001:p.Diagnosis|});
                    await Twilio.Rest.IpMessaging.V2.Service.Channel.MessageResource.CreateAsync(pathServiceSid: "IS00", pathChannelSid: "CH00", body: {|HIPAA001:p.Diagnosis|});
                    var ipMessaging = new Twilio.Rest.IpMessaging.V2.Service.Channel.CreateMessageOptions("IS00", "CH00") { Body = {|HIPAA001:p.Diagnosis|} };
                    await MessageResource.CreateAsync(to: new PhoneNumber(p.Phone), messagingServiceSid: "MG00", contentSid: "HX00", contentVariables: {|HIPAA004:p.Name|});
                    await Twilio.Rest.Conversations.V1.Conversation.MessageResource.CreateAsync(pathConversationSid: "CH00", subject: {|HIPAA002:p.Name|}, contentVariables: {|HIPAA004:p.Name|});
                    await Twilio.Rest.Conversations.V1.Service.Conversation.MessageResource.CreateAsync(pathChatServiceSid: "IS00", pathConversationSid: "CH00", subject: {|HIPAA002:p.Name|}, contentVariables: {|HIPAA004:p.Name|});
                }
            }
        }
        """;

    public const string MicrosoftGraph = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Graph;
        using Microsoft.Graph.Models;
        using Microsoft.Graph.Users.Item.SendMail;
        namespace Clinic
        {
            public sealed class GraphSender
            {
                public async Task SendAsync(Patient p, GraphServiceClient graph)
                {
                    var message = new Message
                    {
                        Subject = {|HIPAA002:$"Results for {p.Name}"|},
                        Body = new ItemBody { ContentType = BodyType.Text, Content = {|HIPAA001:p.Diagnosis|} },
                        ToRecipients = new List<Recipient> { new Recipient { EmailAddress = new EmailAddress { Address = p.Email } } },
                    };
                    await graph.Users["clinic@example.org"].SendMail.PostAsync(new SendMailPostRequestBody { Message = message, SaveToSentItems = false });
                }
            }
        }
        """;

    public const string Aws = """
        using System.Threading.Tasks;
        using Amazon.SimpleNotificationService;
        using Amazon.SimpleNotificationService.Model;
        namespace Clinic
        {
            public sealed class AwsSender
            {
                public async Task SendAsync(Patient p, IAmazonSimpleNotificationService sns, AmazonSimpleNotificationServiceClient client)
                {
                    await sns.PublishAsync(new PublishRequest { PhoneNumber = p.Phone, Message = {|HIPAA001:p.Diagnosis|}, Subject = {|HIPAA002:p.Name|} });
                    await sns.PublishAsync(new PublishRequest("arn:topic", {|HIPAA001:p.Diagnosis|}, {|HIPAA002:p.Name|}));
                    await sns.PublishAsync("arn:topic", {|HIPAA001:p.Diagnosis|}, {|HIPAA002:p.Name|});
                    await client.PublishAsync("arn:topic", {|HIPAA001:p.Diagnosis|});
                    client.Publish("arn:topic", {|HIPAA001:p.Diagnosis|}, {|HIPAA002:p.Name|});
                    var entry = new PublishBatchRequestEntry { Id = "1", Message = {|HIPAA001:p.Diagnosis|}, Subject = {|HIPAA002:p.Name|} };

                    var v2 = new Amazon.SimpleEmailV2.Model.SendEmailRequest
                    {
                        FromEmailAddress = "clinic@example.org",
                        Content = new Amazon.SimpleEmailV2.Model.EmailContent
                        {
                            Simple = new Amazon.SimpleEmailV2.Model.Message
                            {
                                Subject = new Amazon.SimpleEmailV2.Model.Content { Data = {|HIPAA002:p.Name|} },
                                Body = new Amazon.SimpleEmailV2.Model.Body { Text = new Amazon.SimpleEmailV2.Model.Content { Data = {|HIPAA001:p.Diagnosis|} } },
                            },
                        },
                    };
                    var templated = new Amazon.SimpleEmailV2.Model.Template { TemplateName = "results", TemplateData = {|HIPAA004:"{\"dx\":\"" + p.Diagnosis + "\"}"|} };
                    var v1 = new Amazon.SimpleEmail.Model.Message(new Amazon.SimpleEmail.Model.Content({|HIPAA002:p.Name|}), new Amazon.SimpleEmail.Model.Body(new Amazon.SimpleEmail.Model.Content({|HIPAA001:p.Diagnosis|})));
                    var html = new Amazon.SimpleEmail.Model.Content { Data = {|HIPAA001:p.Diagnosis|} };
                    var v1Template = new Amazon.SimpleEmail.Model.SendTemplatedEmailRequest { Template = "results", TemplateData = {|HIPAA004:p.Diagnosis|} };
                    await client.PublishAsync("arn:topic", {|HIPAA001:p.Diagnosis|}, {|HIPAA002:p.Name|});
                    sns.Publish("arn:topic", {|HIPAA001:p.Diagnosis|}, {|HIPAA002:p.Name|});
                }
            }
        }
        """;

    public const string Azure = """
        using System.Threading.Tasks;
        using Azure;
        using Azure.Communication.Email;
        using Azure.Communication.Sms;
        namespace Clinic
        {
            public sealed class AzureSender
            {
                public async Task SendAsync(Patient p, SmsClient sms, EmailClient email)
                {
                    sms.Send(from: "+15550100", to: p.Phone, message: {|HIPAA001:p.Diagnosis|});
                    await sms.SendAsync("+15550100", p.Phone, {|HIPAA001:$"Dx: {p.Diagnosis}"|});
                    email.Send(WaitUntil.Completed, "clinic@example.org", p.Email, {|HIPAA002:p.Name|}, {|HIPAA001:p.Diagnosis|}, {|HIPAA001:p.Diagnosis|});
                    await email.SendAsync(WaitUntil.Started, "clinic@example.org", p.Email, {|HIPAA002:p.Name|}, {|HIPAA001:p.Diagnosis|});
                    var content = new EmailContent({|HIPAA002:"Results for " + p.Name|}) { Html = {|HIPAA001:p.Diagnosis|}, PlainText = {|HIPAA001:p.Diagnosis|} };
                    await email.SendAsync(WaitUntil.Completed, new EmailMessage("clinic@example.org", p.Email, content));
                    await email.SendAsync(WaitUntil.Started, "clinic@example.org", p.Email, "Update", "<p>See the portal</p>", {|HIPAA001:p.Diagnosis|});
                }
            }
        }
        """;

    public const string Vonage = """
        using System.Threading.Tasks;
        using Vonage.Messages;
        using Vonage.Messages.Sms;
        using Vonage.Messaging;
        namespace Clinic
        {
            public sealed class VonageSender
            {
                public async Task SendAsync(Patient p, ISmsClient sms, SmsClient concrete, IMessagesClient messages)
                {
                    await sms.SendAnSmsAsync(new SendSmsRequest { From = "Clinic", To = p.Phone, Text = {|HIPAA001:p.Diagnosis|} });
                    await sms.SendAnSmsAsync("Clinic", p.Phone, {|HIPAA001:p.Diagnosis|});
                    await concrete.SendAnSmsAsync("Clinic", p.Phone, {|HIPAA001:p.Diagnosis|});
                    await messages.SendAsync(new SmsRequest { To = p.Phone, From = "Clinic", Text = {|HIPAA001:p.Diagnosis|} });
                }
            }
        }
        """;

    public const string FluentEmail = """
        using System.Threading.Tasks;
        using FluentEmail.Core;
        namespace Clinic
        {
            public sealed class FluentSender
            {
                public async Task SendAsync(Patient p, IFluentEmailFactory factory)
                {
                    await Email.From("clinic@example.org").To(p.Email).Subject({|HIPAA002:p.Name|}).Body({|HIPAA001:p.Diagnosis|}).PlaintextAlternativeBody({|HIPAA001:p.Diagnosis|}).SendAsync();
                    var email = factory.Create()
                        .UsingTemplate({|HIPAA001:"<p>" + p.Diagnosis + "</p>"|}, {|HIPAA004:p|})
                        .UsingTemplateFromFile("results.cshtml", {|HIPAA004:p|})
                        .UsingTemplateFromEmbedded("Clinic.results.cshtml", {|HIPAA004:p|}, typeof(FluentSender).Assembly)
                        .PlaintextAlternativeUsingTemplate({|HIPAA001:p.Diagnosis|}, {|HIPAA004:p|})
                        .PlaintextAlternativeUsingTemplateFromFile("results.txt", {|HIPAA004:p|})
                        .PlaintextAlternativeUsingTemplateFromEmbedded("Clinic.results.txt", {|HIPAA004:p|}, typeof(FluentSender).Assembly);
                    email.Data.Subject = {|HIPAA002:p.Name|};
                    email.Data.Body = {|HIPAA001:p.Diagnosis|};
                    email.Data.PlaintextAlternativeBody = {|HIPAA001:p.Diagnosis|};
                    email.Send();
                }
            }
        }
        """;
}
