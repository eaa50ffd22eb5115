// Drives the project's registry and broker through kafkajs and @kafkajs/confluent-schema-registry,
// clients this project did not write. Prints one JSON line per finding; ConfluentClientTest reads them.
// Usage: node check.js REGISTRY_URL BOOTSTRAP ENTERPRISES_TOPIC
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const [registryUrl, bootstrap, topic] = process.argv.slice(2);
const registry = new SchemaRegistry({ host: registryUrl });
const kafka = new Kafka({ clientId: 'confluent-client-check', brokers: [bootstrap], logLevel: logLevel.NOTHING });
const say = (what, value) => console.log(JSON.stringify({ what, value }));

// decimal(18,2) as Avro bytes: the unscaled value, big-endian two's complement.
const money = (yuan) => {
  let hex = BigInt(Math.round(yuan * 100)).toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (parseInt(hex[0], 16) >= 8) hex = '00' + hex;
  return Buffer.from(hex, 'hex');
};

async function main() {
  // Published at start-up, before anything was produced.
  const id = await registry.getLatestSchemaId(`${topic}-value`);
  const served = await registry.getSchema(id);
  say('creditCodeDoc', served.fields.find((f) => f.name === 'creditCode').doc);

  // A schema of the client's own with a Chinese default, served back and looked up by its text.
  const own = {
    type: 'record', name: 'Site', namespace: 'check',
    fields: [{ name: 'city', type: 'string', default: '北京', doc: '所在城市' }],
  };
  const { id: ownId } = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(own) }, { subject: 'client-check-value' });
  const ownServed = await registry.getSchema(ownId);
  say('cityDefault', ownServed.fields[0].defaultValue());
  say('cityDoc', ownServed.fields[0].doc);
  say('lookupId', (await registry.getRegistryIdBySchema('client-check-value', { type: SchemaType.AVRO, schema: JSON.stringify(own) })) === ownId);

  // Consume what the project's serializer wrote.
  const consumer = kafka.consumer({ groupId: 'confluent-client-check' });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const read = await new Promise((resolve, reject) => {
    consumer.run({
      eachMessage: async ({ message }) => {
        try {
          resolve(await registry.decode(message.value));
        } catch (e) {
          reject(e);
        }
      },
    });
  });
  await consumer.disconnect();
  say('readName', read.name);
  say('readZone', read.zone);

  // Produce a contract record the project's deserializer will read.
  const producer = kafka.producer();
  await producer.connect();
  const value = await registry.encode(id, {
    creditCode: '91110108000000002Y', name: '中关村客户端测试有限公司', zone: 'ZGC', industryCode: 'I65',
    employees: 42, revenue: money(1234567.89), totalAssets: money(100), registeredOn: 16000,
    highTechCertifiedOn: null, techSmeYears: [2021], taxResident: true, taxAssessment: 'ACTUAL',
    updatedAt: Date.parse('2022-01-01T00:00:00Z'),
  });
  await producer.send({ topic, messages: [{ key: '91110108000000002Y', value, timestamp: String(Date.parse('2022-01-01T00:00:00Z')) }] });
  await producer.disconnect();
  say('produced', true);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e && e.stack ? e.stack : e);
    process.exit(1);
  },
);
