# Ruby oracle: aws-sdk-core's default chain as a client builds it (Aws::STS::Client.new → config.credentials
# → CredentialProviderChain), one set-up after another with ENV replaced and the process-wide
# Aws.shared_config singleton dropped between set-ups (it caches the file paths of the first read).
# STS calls go to the loopback STS via Aws.config[:sts] (3.168 has no AWS_ENDPOINT_URL_STS).
# Prints an OracleReport (see types.ts); never a secret. Usage: ruby ruby-oracle.rb CASES.json STS_URL
require 'json'
require 'digest'
require 'socket'

OFF = []
LOOPBACK = ['127.0.0.1', '::1', 'localhost'].freeze
module LoopbackGuard
  def new(host, port, *rest, **kw)
    unless LOOPBACK.include?(host.to_s) || host.to_s.start_with?('127.')
      OFF << host.to_s
      raise SocketError, "oracle guard: #{host} is not loopback"
    end
    super
  end
  alias open new
end
TCPSocket.singleton_class.prepend(LoopbackGuard)
module LoopbackGuardTcp
  def tcp(host, port, *rest, **kw, &blk)
    unless LOOPBACK.include?(host.to_s) || host.to_s.start_with?('127.')
      OFF << host.to_s
      raise SocketError, "oracle guard: #{host} is not loopback"
    end
    super
  end
end
Socket.singleton_class.prepend(LoopbackGuardTcp)

require 'aws-sdk-core'

SOURCES = {
  'Aws::Credentials' => 'env', 'Aws::SharedCredentials' => 'static', 'Aws::ProcessCredentials' => 'process',
  'Aws::AssumeRoleCredentials' => 'assume-role', 'Aws::AssumeRoleWebIdentityCredentials' => 'web-identity',
  'Aws::SSOCredentials' => 'sso', 'Aws::ECSCredentials' => 'container', 'Aws::InstanceProfileCredentials' => 'imds'
}.freeze

cases = JSON.parse(File.read(ARGV[0]))
sts_url = ARGV[1]
answers = cases.map do |c|
  ENV.replace(c['env'])
  OFF.clear
  Aws.instance_variable_set(:@shared_config, nil)
  Aws.config = { sts: { endpoint: sts_url } }
  begin
    # A profile named in code (credcheck's --profile): the client's profile: option.
    opts = { region: 'us-east-1' }
    opts[:profile] = c['profile'] if c['profile']
    provider = Aws::STS::Client.new(**opts).config.credentials
    if provider.nil? || !provider.set?
      { name: c['name'], ok: false, error: 'NoCredentials', offLoopback: OFF.dup }
    else
      { name: c['name'], ok: true, source: SOURCES.fetch(provider.class.name, provider.class.name),
        accessKeyId: provider.credentials.access_key_id,
        tokenHash: (t = provider.credentials.session_token) && !t.empty? ? Digest::SHA256.hexdigest(t)[0, 12] : nil, offLoopback: OFF.dup }
    end
  rescue StandardError, NotImplementedError => e
    { name: c['name'], ok: false, error: e.class.name.sub(/^Aws::(Errors::)?/, ''), offLoopback: OFF.dup }
  end
end
puts JSON.generate(sdk: 'ruby', version: Aws::CORE_GEM_VERSION, answers: answers)
