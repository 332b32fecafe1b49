import { OPENSEARCH_VERSION } from '../../project.ts';

/**
 * Pinned versions of the real servers the local platform runs, with the SHA-256 of what
 * Maven Central serves for them. The OpenSearch version is defined in project.ts, which the
 * deployed domain (lib/) reads too, so local runs and regions never drift apart.
 */
export { OPENSEARCH_VERSION };
export const DYNAMODB_LOCAL_VERSION = '2.6.1';

export interface MavenArtifact {
  /** groupId:artifactId:version[:packaging] as `mvn dependency:copy` takes it. */
  coordinates: string;
  fileName: string;
  sha256: string;
}

export const openSearchDistribution: MavenArtifact = {
  coordinates: `org.opensearch.distribution.integ-test-zip:opensearch:${OPENSEARCH_VERSION}:zip`,
  fileName: `opensearch-${OPENSEARCH_VERSION}.zip`,
  sha256: '71d6d8b1c637f3faecda0752b184b1cc526fc6eaad59ec1408c6327bb00b9293',
};

/**
 * The integ-test-zip ships only the transport module. The stock analysers the offers index
 * needs (asciifolding, cjk_bigram, the language stemmers) live in the analysis-common module,
 * which every full distribution and Amazon OpenSearch Service include; we add the same jar.
 */
export const openSearchAnalysisCommon: MavenArtifact = {
  coordinates: `org.opensearch.plugin:analysis-common:${OPENSEARCH_VERSION}`,
  fileName: `analysis-common-${OPENSEARCH_VERSION}.jar`,
  sha256: '187378844d92a043b935038f9ae168f7812f686b1c1c7128f8b97731baff8a1a',
};

/** DynamoDB Local's own jar and its Linux x64 SQLite native library; the rest of its
 * dependency tree is resolved by Maven (with strict checksums) from dynamodb-local.pom.xml. */
export const dynamoDbLocalJar = {
  fileName: `DynamoDBLocal-${DYNAMODB_LOCAL_VERSION}.jar`,
  sha256: 'a28d8b4919999b7dee6ffa9fd4e9a08744460657a9bd3e3499e3aad00e1f2cc4',
};
export const sqliteNativeLinuxX64 = {
  fileName: 'libsqlite4java-linux-amd64-1.0.392.so',
  sha256: 'da3d7d21eef476baf644026e449b392dbd738bf9246fca48ce072987264c3aca',
};
