namespace HipaaDev.Analyzers.Tests.Infrastructure;

/// <summary>
/// Stand-in declarations for SDKs the package registry here does not serve (AWS, Azure Communication Services,
/// Vonage, FluentEmail), with the real namespaces, type names, member names and parameter names, so the analyzer
/// matches them exactly as it matches the real assemblies.
/// </summary>
internal static class StandIns
{
    public const string Aws = """
        namespace Amazon.SimpleNotificationService.Model
        {
            public class PublishRequest
            {
                public PublishRequest() { }
                public PublishRequest(string topicArn, string message) { }
                public PublishRequest(string topicArn, string message, string subject) { }
                public string Message { get; set; }
                public string Subject { get; set; }
                public string PhoneNumber { get; set; }
                public string TopicArn { get; set; }
            }
            public class PublishResponse { }
        }
        namespace Amazon.SimpleNotificationService
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.SimpleNotificationService.Model;
            public interface IAmazonSimpleNotificationService
            {
                Task<PublishResponse> PublishAsync(string topicArn, string message, CancellationToken cancellationToken = default);
                Task<PublishResponse> PublishAsync(string topicArn, string message, string subject, CancellationToken cancellationToken = default);
                Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);
                PublishResponse Publish(string topicArn, string message, string subject);
            }
            public class AmazonSimpleNotificationServiceClient : IAmazonSimpleNotificationService
            {
                public Task<PublishResponse> PublishAsync(string topicArn, string message, CancellationToken cancellationToken = default) => null;
                public Task<PublishResponse> PublishAsync(string topicArn, string message, string subject, CancellationToken cancellationToken = default) => null;
                public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default) => null;
                public PublishResponse Publish(string topicArn, string message, string subject) => null;
            }
        }
        namespace Amazon.SimpleNotificationService.Model
        {
            public class PublishBatchRequestEntry { public string Id { get; set; } public string Message { get; set; } public string Subject { get; set; } }
        }
        namespace Amazon.SimpleEmailV2.Model
        {
            public class Content { public Content() { } public string Data { get; set; } public string Charset { get; set; } }
            public class Body { public Content Text { get; set; } public Content Html { get; set; } }
            public class Message { public Content Subject { get; set; } public Body Body { get; set; } }
            public class Template { public string TemplateName { get; set; } public string TemplateData { get; set; } }
            public class EmailContent { public Message Simple { get; set; } public Template Template { get; set; } }
            public class Destination { public System.Collections.Generic.List<string> ToAddresses { get; set; } }
            public class SendEmailRequest { public string FromEmailAddress { get; set; } public Destination Destination { get; set; } public EmailContent Content { get; set; } }
            public class SendEmailResponse { }
        }
        namespace Amazon.SimpleEmailV2
        {
            public class AmazonSimpleEmailServiceV2Client
            {
                public System.Threading.Tasks.Task<Amazon.SimpleEmailV2.Model.SendEmailResponse> SendEmailAsync(Amazon.SimpleEmailV2.Model.SendEmailRequest request, System.Threading.CancellationToken cancellationToken = default) => null;
            }
        }
        namespace Amazon.SimpleEmail.Model
        {
            public class Content { public Content() { } public Content(string data) { } public string Data { get; set; } }
            public class Body { public Body() { } public Body(Content text) { } public Content Text { get; set; } public Content Html { get; set; } }
            public class Message { public Message() { } public Message(Content subject, Body body) { } public Content Subject { get; set; } public Body Body { get; set; } }
            public class SendTemplatedEmailRequest { public string Template { get; set; } public string TemplateData { get; set; } }
        }
        """;

    public const string Azure = """
        namespace Azure
        {
            public enum WaitUntil { Completed, Started }
            public class Response<T> { public T Value => default; }
        }
        namespace Azure.Communication.Sms
        {
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            public class SmsSendOptions { public SmsSendOptions(bool enableDeliveryReport) { } public string Tag { get; set; } }
            public class SmsSendResult { }
            public class SmsClient
            {
                public SmsClient(string connectionString) { }
                public virtual global::Azure.Response<SmsSendResult> Send(string from, string to, string message, SmsSendOptions options = null, CancellationToken cancellationToken = default) => null;
                public virtual global::Azure.Response<IReadOnlyList<SmsSendResult>> Send(string from, IEnumerable<string> to, string message, SmsSendOptions options = null, CancellationToken cancellationToken = default) => null;
                public virtual Task<global::Azure.Response<SmsSendResult>> SendAsync(string from, string to, string message, SmsSendOptions options = null, CancellationToken cancellationToken = default) => null;
                public virtual Task<global::Azure.Response<IReadOnlyList<SmsSendResult>>> SendAsync(string from, IEnumerable<string> to, string message, SmsSendOptions options = null, CancellationToken cancellationToken = default) => null;
            }
        }
        namespace Azure.Communication.Email
        {
            using System.Threading;
            using System.Threading.Tasks;
            public class EmailSendOperation { }
            public class EmailContent
            {
                public EmailContent(string subject) { }
                public string Subject { get; }
                public string Html { get; set; }
                public string PlainText { get; set; }
            }
            public class EmailMessage
            {
                public EmailMessage(string senderAddress, string recipientAddress, EmailContent content) { }
            }
            public class EmailClient
            {
                public EmailClient(string connectionString) { }
                public virtual EmailSendOperation Send(global::Azure.WaitUntil wait, string senderAddress, string recipientAddress, string subject, string htmlContent, string plainTextContent = null, CancellationToken cancellationToken = default) => null;
                public virtual EmailSendOperation Send(global::Azure.WaitUntil wait, EmailMessage message, CancellationToken cancellationToken = default) => null;
                public virtual Task<EmailSendOperation> SendAsync(global::Azure.WaitUntil wait, string senderAddress, string recipientAddress, string subject, string htmlContent, string plainTextContent = null, CancellationToken cancellationToken = default) => null;
                public virtual Task<EmailSendOperation> SendAsync(global::Azure.WaitUntil wait, EmailMessage message, CancellationToken cancellationToken = default) => null;
            }
        }
        """;

    public const string Vonage = """
        namespace Vonage.Request { public class Credentials { } }
        namespace Vonage.Messaging
        {
            using System.Threading.Tasks;
            public enum SmsType { Text, Binary, Unicode }
            public class SendSmsRequest { public string From { get; set; } public string To { get; set; } public string Text { get; set; } }
            public class SendSmsResponse { }
            public interface ISmsClient
            {
                Task<SendSmsResponse> SendAnSmsAsync(SendSmsRequest request, Vonage.Request.Credentials creds = null);
                Task<SendSmsResponse> SendAnSmsAsync(string from, string to, string text, SmsType type = SmsType.Text, Vonage.Request.Credentials creds = null);
            }
            public class SmsClient : ISmsClient
            {
                public Task<SendSmsResponse> SendAnSmsAsync(SendSmsRequest request, Vonage.Request.Credentials creds = null) => null;
                public Task<SendSmsResponse> SendAnSmsAsync(string from, string to, string text, SmsType type = SmsType.Text, Vonage.Request.Credentials creds = null) => null;
            }
        }
        namespace Vonage.Messages
        {
            public interface IMessage { }
            public class MessagesResponse { }
            public interface IMessagesClient { System.Threading.Tasks.Task<MessagesResponse> SendAsync(IMessage message); }
        }
        namespace Vonage.Messages.Sms
        {
            public class SmsRequest : Vonage.Messages.IMessage { public string To { get; set; } public string From { get; set; } public string Text { get; set; } }
        }
        """;

    public const string FluentEmail = """
        namespace FluentEmail.Core.Models
        {
            public class SendResponse { public bool Successful => true; }
            public class EmailData { public string Subject { get; set; } public string Body { get; set; } public string PlaintextAlternativeBody { get; set; } }
        }
        namespace FluentEmail.Core
        {
            using System.Reflection;
            using System.Threading;
            using System.Threading.Tasks;
            using FluentEmail.Core.Models;
            public interface IFluentEmail
            {
                EmailData Data { get; set; }
                IFluentEmail To(string emailAddress, string name = null);
                IFluentEmail SetFrom(string emailAddress, string name = null);
                IFluentEmail Subject(string subject);
                IFluentEmail Body(string body, bool isHtml = false);
                IFluentEmail PlaintextAlternativeBody(string body);
                IFluentEmail UsingTemplate<T>(string template, T model, bool isHtml = true);
                IFluentEmail UsingTemplateFromFile<T>(string filename, T model, bool isHtml = true);
                IFluentEmail UsingTemplateFromEmbedded<T>(string path, T model, Assembly assembly, bool isHtml = true);
                IFluentEmail PlaintextAlternativeUsingTemplate<T>(string template, T model);
                IFluentEmail PlaintextAlternativeUsingTemplateFromFile<T>(string filename, T model);
                IFluentEmail PlaintextAlternativeUsingTemplateFromEmbedded<T>(string path, T model, Assembly assembly);
                SendResponse Send(CancellationToken? token = null);
                Task<SendResponse> SendAsync(CancellationToken? token = null);
            }
            public interface IFluentEmailFactory { IFluentEmail Create(); }
            public class Email : IFluentEmail
            {
                public static IFluentEmail From(string emailAddress, string name = null) => new Email();
                public EmailData Data { get; set; }
                public IFluentEmail To(string emailAddress, string name = null) => this;
                public IFluentEmail SetFrom(string emailAddress, string name = null) => this;
                public IFluentEmail Subject(string subject) => this;
                public IFluentEmail Body(string body, bool isHtml = false) => this;
                public IFluentEmail PlaintextAlternativeBody(string body) => this;
                public IFluentEmail UsingTemplate<T>(string template, T model, bool isHtml = true) => this;
                public IFluentEmail UsingTemplateFromFile<T>(string filename, T model, bool isHtml = true) => this;
                public IFluentEmail UsingTemplateFromEmbedded<T>(string path, T model, Assembly assembly, bool isHtml = true) => this;
                public IFluentEmail PlaintextAlternativeUsingTemplate<T>(string template, T model) => this;
                public IFluentEmail PlaintextAlternativeUsingTemplateFromFile<T>(string filename, T model) => this;
                public IFluentEmail PlaintextAlternativeUsingTemplateFromEmbedded<T>(string path, T model, Assembly assembly) => this;
                public SendResponse Send(CancellationToken? token = null) => null;
                public Task<SendResponse> SendAsync(CancellationToken? token = null) => null;
            }
        }
        """;
}
