#!/usr/bin/env node
// Verifies an Spdf.Build provenance bundle (spdf-provenance.sigstore.json) with the Sigstore project's own
// verifier, offline: the trust material holds only the signer's public key (under the bundle's key hint), and
// the transparency-log, certificate-transparency and timestamp thresholds are 0 because Spdf.Build signs
// without Rekor, Fulcio or a timestamp authority.
//
// Usage: node verify-bundle.js <bundle.json> <public-key.pem>
// Prints the in-toto subjects ("<sha256>  <name>" per line) on success; exits 1 with the reason otherwise.
'use strict';

const fs = require('fs');
const crypto = require('crypto');
const { bundleFromJSON } = require('@sigstore/bundle');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write('usage: node verify-bundle.js <bundle.json> <public-key.pem>\n');
    return 2;
  }
  const [bundlePath, publicKeyPath] = argv;
  const bundle = bundleFromJSON(JSON.parse(fs.readFileSync(bundlePath, 'utf8')));
  if (bundle.verificationMaterial.content.$case !== 'publicKey') {
    throw new Error('the bundle does not name its key with a public-key hint');
  }

  const publicKey = crypto.createPublicKey(fs.readFileSync(publicKeyPath, 'utf8'));
  const hint = bundle.verificationMaterial.content.publicKey.hint;
  const emptyRoot = { tlogs: [], ctlogs: [], certificateAuthorities: [], timestampAuthorities: [] };
  const trust = toTrustMaterial(emptyRoot, {
    [hint]: { rawBytes: publicKey.export({ type: 'spki', format: 'der' }), validFor: { start: new Date(0) } },
  });

  const verifier = new Verifier(trust, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
  verifier.verify(toSignedEntity(bundle));

  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== 'application/vnd.in-toto+json') {
    throw new Error(`unexpected DSSE payload type ${envelope.payloadType}`);
  }
  const statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8'));
  for (const subject of statement.subject) {
    process.stdout.write(`${subject.digest.sha256}  ${subject.name}\n`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`sigstore verification failed: ${error.message}\n`);
  process.exitCode = 1;
}
