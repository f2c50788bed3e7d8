namespace HipaaDev.Analyzers.Tests.Sinks;

/// <summary>
/// Realistic sends through every SDK in the sink catalogue, each PHI value marked where a diagnostic is expected
/// (<c>{|#n:...|}</c>). Used by the per-SDK tests and by the catalogue coverage test.
/// </summary>
internal static class SinkSamples
{
    public const string Patient = """
        using HipaaDev.Annotations;
        namespace Clinic
        {
            public sealed class Patient
            {
                public string Email { get; set; } = "";
                public string Phone { get; set; } = "";
                [Phi] public string Name { get; set; } = "";
                [Phi] public string Diagnosis { get; set; } = "";
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
                    var first = new MailMessage("clinic@example.org", p.Email, {|#0:"Re: " + p.Name|}, {|#1:p.Diagnosis|});
                    var second = new MailMessage { Subject = {|#2:p.Name|}, Body = {|#3:p.Diagnosis|} };
                    second.AlternateViews.Add(AlternateView.CreateAlternateViewFromString({|#4:"<p>" + p.Diagnosis + "</p>"|}, null, "text/html"));
                    second.Attachments.Add(Attachment.CreateAttachmentFromString({|#5:p.Diagnosis|}, "notes.txt"));
                    using var logo = LinkedResource.CreateLinkedResourceFromString({|#6:p.Diagnosis|});
                    smtp.Send("clinic@example.org", p.Email, {|#7:p.Name|}, {|#8:p.Diagnosis|});
                    smtp.SendAsync("clinic@example.org", p.Email, {|#9:p.Name|}, {|#10:p.Diagnosis|}, null);
                    await smtp.SendMailAsync("clinic@example.org", p.Email, {|#11:p.Name|}, {|#12:p.Diagnosis|});
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
                    message.Subject = {|#0:p.Name|};
                    var builder = new BodyBuilder { TextBody = {|#1:p.Diagnosis|}, HtmlBody = {|#2:$"<b>{p.Diagnosis}</b>"|} };
                    message.Body = builder.ToMessageBody();
                    var part = new TextPart("plain") { Text = {|#3:p.Diagnosis|} };
                    part.SetText("utf-8", {|#4:p.Diagnosis|});
                    var other = new TextPart("plain", {|#5:p.Diagnosis|});
                    var second = new MimeMessage(new[] { new MailboxAddress("Clinic", "clinic@example.org") }, new[] { MailboxAddress.Parse(p.Email) }, {|#6:p.Name|}, part);
                    var third = new MimeMessage(new MailboxAddress("Clinic", "clinic@example.org"), {|#7:"Results for " + p.Name|}, other);
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
                    var single = MailHelper.CreateSingleEmail(from, to, {|#0:p.Name|}, {|#1:p.Diagnosis|}, {|#2:$"<p>{p.Diagnosis}</p>"|});
                    var many = MailHelper.CreateSingleEmailToMultipleRecipients(from, tos, {|#3:p.Name|}, {|#4:p.Diagnosis|}, "<p>See portal</p>");
                    var each = MailHelper.CreateMultipleEmailsToMultipleRecipients(from, tos, {|#5:new List<string> { p.Name }|}, {|#6:p.Diagnosis|}, "<p>-</p>",
                        {|#7:new List<Dictionary<string, string>> { new Dictionary<string, string> { ["-dx-"] = p.Diagnosis } }|});
                    var message = new SendGridMessage { Subject = {|#8:p.Name|}, PlainTextContent = {|#9:p.Diagnosis|}, HtmlContent = {|#10:p.Diagnosis|} };
                    message.AddContent(MimeType.Text, {|#11:p.Diagnosis|});
                    message.SetSubject({|#12:p.Name|});
                    message.SetGlobalSubject({|#13:p.Name|});
                    message.AddSubstitution("-dx-", {|#14:p.Diagnosis|});
                    message.AddSubstitutions({|#15:new Dictionary<string, string> { ["-dx-"] = p.Diagnosis }|});
                    message.SetTemplateData({|#16:p|});
                    var content = new Content("text/plain", {|#17:p.Diagnosis|});
                    content.Value = {|#18:p.Diagnosis|};
                    var personalization = new Personalization { Subject = {|#19:p.Name|}, TemplateData = {|#20:p|}, Substitutions = new Dictionary<string, string>() };
                    personalization.Substitutions.Add("-dx-", {|#21:p.Diagnosis|});
                    var template = MailHelper.CreateSingleTemplateEmail(from, to, "d-123", {|#22:new { name = p.Name }|});
                    var templates = MailHelper.CreateSingleTemplateEmailToMultipleRecipients(from, tos, "d-123", {|#23:p|});
                    var perRecipient = MailHelper.CreateMultipleTemplateEmailsToMultipleRecipients(from, tos, "d-123", {|#24:new List<object> { p }|});
                    var manyHtml = MailHelper.CreateSingleEmailToMultipleRecipients(from, tos, "Update", "See the portal", {|#25:$"<p>{p.Diagnosis}</p>"|});
                    var eachHtml = MailHelper.CreateMultipleEmailsToMultipleRecipients(from, tos, new List<string> { "Update" }, "See the portal", {|#26:p.Diagnosis|},
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
                    MessageResource.Create(to: new PhoneNumber(p.Phone), from: new PhoneNumber("+15550100"), body: {|#0:p.Diagnosis|});
                    await MessageResource.CreateAsync(new PhoneNumber(p.Phone), from: new PhoneNumber("+15550100"), body: {|#1:$"Dx: {p.Diagnosis}"|});
                    MessageResource.Create(to: new PhoneNumber(p.Phone), messagingServiceSid: "MG00", contentSid: "HX00",
                        contentVariables: {|#2:JsonSerializer.Serialize(new Dictionary<string, string> { ["1"] = p.Name })|});
                    var options = new CreateMessageOptions(new PhoneNumber(p.Phone)) { Body = {|#3:p.Diagnosis|}, ContentVariables = {|#4:"{\"1\":\"" + p.Name + "\"}"|} };
                    await MessageResource.CreateAsync(options);

                    Twilio.Rest.Conversations.V1.Conversation.MessageResource.Create(pathConversationSid: "CH00", body: {|#5:p.Diagnosis|}, subject: {|#6:p.Name|}, contentVariables: {|#7:p.Name|});
                    await Twilio.Rest.Conversations.V1.Conversation.MessageResource.CreateAsync(pathConversationSid: "CH00", body: {|#8:p.Diagnosis|});
                    var conversation = new Twilio.Rest.Conversations.V1.Conversation.CreateMessageOptions("CH00") { Body = {|#9:p.Diagnosis|}, Subject = {|#10:p.Name|}, ContentVariables = {|#11:p.Name|} };
                    Twilio.Rest.Conversations.V1.Service.Conversation.MessageResource.Create(pathChatServiceSid: "IS00", pathConversationSid: "CH00", body: {|#12:p.Diagnosis|}, subject: {|#13:p.Name|}, contentVariables: {|#14:p.Name|});
                    await Twilio.Rest.Conversations.V1.Service.Conversation.MessageResource.CreateAsync(pathChatServiceSid: "IS00", pathConversationSid: "CH00", body: {|#15:p.Diagnosis|});
                    var service = new Twilio.Rest.Conversations.V1.Service.Conversation.CreateMessageOptions("IS00", "CH00") { Body = {|#16:p.Diagnosis|}, Subject = {|#17:p.Name|}, ContentVariables = {|#18:p.Name|} };
                    Twilio.Rest.Chat.V2.Service.Channel.MessageResource.Create(pathServiceSid: "IS00", pathChannelSid: "CH00", body: {|#19:p.Diagnosis|});
                    await Twilio.Rest.Chat.V2.Service.Channel.MessageResource.CreateAsync(pathServiceSid: "IS00", pathChannelSid: "CH00", body: {|#20:p.Diagnosis|});
                    var chat = new Twilio.Rest.Chat.V2.Service.Channel.CreateMessageOptions("IS00", "CH00") { Body = {|#21:p.Diagnosis|} };
                    Twilio.Rest.IpMessaging.V2.Service.Channel.MessageResource.Create(pathServiceSid: "IS00", pathChannelSid: "CH00", body: {|#22:p.Diagnosis|});
                    await Twilio.Rest.IpMessaging.V2.Service.Channel.MessageResource.CreateAsync(pathServiceSid: "IS00", pathChannelSid: "CH00", body: {|#23:p.Diagnosis|});
                    var ipMessaging = new Twilio.Rest.IpMessaging.V2.Service.Channel.CreateMessageOptions("IS00", "CH00") { Body = {|#24:p.Diagnosis|} };
                    await MessageResource.CreateAsync(to: new PhoneNumber(p.Phone), messagingServiceSid: "MG00", contentSid: "HX00", contentVariables: {|#25:p.Name|});
                    await Twilio.Rest.Conversations.V1.Conversation.MessageResource.CreateAsync(pathConversationSid: "CH00", subject: {|#26:p.Name|}, contentVariables: {|#27:p.Name|});
                    await Twilio.Rest.Conversations.V1.Service.Conversation.MessageResource.CreateAsync(pathChatServiceSid: "IS00", pathConversationSid: "CH00", subject: {|#28:p.Name|}, contentVariables: {|#29:p.Name|});
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
                        Subject = {|#0:$"Results for {p.Name}"|},
                        Body = new ItemBody { ContentType = BodyType.Text, Content = {|#1:p.Diagnosis|} },
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
                    await sns.PublishAsync(new PublishRequest { PhoneNumber = p.Phone, Message = {|#0:p.Diagnosis|}, Subject = {|#1:p.Name|} });
                    await sns.PublishAsync(new PublishRequest("arn:topic", {|#2:p.Diagnosis|}, {|#3:p.Name|}));
                    await sns.PublishAsync("arn:topic", {|#4:p.Diagnosis|}, {|#5:p.Name|});
                    await client.PublishAsync("arn:topic", {|#6:p.Diagnosis|});
                    client.Publish("arn:topic", {|#7:p.Diagnosis|}, {|#8:p.Name|});
                    var entry = new PublishBatchRequestEntry { Id = "1", Message = {|#9:p.Diagnosis|}, Subject = {|#10:p.Name|} };

                    var v2 = new Amazon.SimpleEmailV2.Model.SendEmailRequest
                    {
                        FromEmailAddress = "clinic@example.org",
                        Content = new Amazon.SimpleEmailV2.Model.EmailContent
                        {
                            Simple = new Amazon.SimpleEmailV2.Model.Message
                            {
                                Subject = new Amazon.SimpleEmailV2.Model.Content { Data = {|#11:p.Name|} },
                                Body = new Amazon.SimpleEmailV2.Model.Body { Text = new Amazon.SimpleEmailV2.Model.Content { Data = {|#12:p.Diagnosis|} } },
                            },
                        },
                    };
                    var templated = new Amazon.SimpleEmailV2.Model.Template { TemplateName = "results", TemplateData = {|#13:"{\"dx\":\"" + p.Diagnosis + "\"}"|} };
                    var v1 = new Amazon.SimpleEmail.Model.Message(new Amazon.SimpleEmail.Model.Content({|#14:p.Name|}), new Amazon.SimpleEmail.Model.Body(new Amazon.SimpleEmail.Model.Content({|#15:p.Diagnosis|})));
                    var html = new Amazon.SimpleEmail.Model.Content { Data = {|#16:p.Diagnosis|} };
                    var v1Template = new Amazon.SimpleEmail.Model.SendTemplatedEmailRequest { Template = "results", TemplateData = {|#17:p.Diagnosis|} };
                    await client.PublishAsync("arn:topic", {|#18:p.Diagnosis|}, {|#19:p.Name|});
                    sns.Publish("arn:topic", {|#20:p.Diagnosis|}, {|#21:p.Name|});
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
                    sms.Send(from: "+15550100", to: p.Phone, message: {|#0:p.Diagnosis|});
                    await sms.SendAsync("+15550100", p.Phone, {|#1:$"Dx: {p.Diagnosis}"|});
                    email.Send(WaitUntil.Completed, "clinic@example.org", p.Email, {|#2:p.Name|}, {|#3:p.Diagnosis|}, {|#4:p.Diagnosis|});
                    await email.SendAsync(WaitUntil.Started, "clinic@example.org", p.Email, {|#5:p.Name|}, {|#6:p.Diagnosis|});
                    var content = new EmailContent({|#7:"Results for " + p.Name|}) { Html = {|#8:p.Diagnosis|}, PlainText = {|#9:p.Diagnosis|} };
                    await email.SendAsync(WaitUntil.Completed, new EmailMessage("clinic@example.org", p.Email, content));
                    await email.SendAsync(WaitUntil.Started, "clinic@example.org", p.Email, "Update", "<p>See the portal</p>", {|#10:p.Diagnosis|});
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
                    await sms.SendAnSmsAsync(new SendSmsRequest { From = "Clinic", To = p.Phone, Text = {|#0:p.Diagnosis|} });
                    await sms.SendAnSmsAsync("Clinic", p.Phone, {|#1:p.Diagnosis|});
                    await concrete.SendAnSmsAsync("Clinic", p.Phone, {|#2:p.Diagnosis|});
                    await messages.SendAsync(new SmsRequest { To = p.Phone, From = "Clinic", Text = {|#3:p.Diagnosis|} });
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
                    await Email.From("clinic@example.org").To(p.Email).Subject({|#0:p.Name|}).Body({|#1:p.Diagnosis|}).PlaintextAlternativeBody({|#2:p.Diagnosis|}).SendAsync();
                    var email = factory.Create()
                        .UsingTemplate({|#3:"<p>" + p.Diagnosis + "</p>"|}, {|#4:p|})
                        .UsingTemplateFromFile("results.cshtml", {|#5:p|})
                        .UsingTemplateFromEmbedded("Clinic.results.cshtml", {|#6:p|}, typeof(FluentSender).Assembly)
                        .PlaintextAlternativeUsingTemplate({|#7:p.Diagnosis|}, {|#8:p|})
                        .PlaintextAlternativeUsingTemplateFromFile("results.txt", {|#9:p|})
                        .PlaintextAlternativeUsingTemplateFromEmbedded("Clinic.results.txt", {|#10:p|}, typeof(FluentSender).Assembly);
                    email.Data.Subject = {|#11:p.Name|};
                    email.Data.Body = {|#12:p.Diagnosis|};
                    email.Data.PlaintextAlternativeBody = {|#13:p.Diagnosis|};
                    email.Send();
                }
            }
        }
        """;
}
