//! An HTTPS server on 127.0.0.1 for MTA-STS tests: a test certificate
//! authority made in the test, one certificate per served name (or one
//! from an authority nobody trusts), and a fixed answer per name.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::rustls;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// What the server answers for one host name.
#[derive(Clone)]
pub struct Page {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Page {
    pub fn policy(text: &str) -> Page {
        Page {
            status: 200,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: text.as_bytes().to_vec(),
        }
    }
}

/// A running server, with the PEM file of the authority that signed its
/// certificates. Stops when dropped.
pub struct TestHttps {
    pub addr: SocketAddr,
    pub ca_file: PathBuf,
    runtime: Option<tokio::runtime::Runtime>,
}

fn authority(name: &str) -> (Issuer<'static, KeyPair>, String) {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, name);
    let key = KeyPair::generate().expect("CA key");
    let cert = params.self_signed(&key).expect("CA certificate");
    (Issuer::new(params, key), cert.pem())
}

fn leaf(host: &str, issuer: &Issuer<'static, KeyPair>) -> rustls::sign::CertifiedKey {
    let key = KeyPair::generate().expect("leaf key");
    let cert = CertificateParams::new(vec![host.to_string()])
        .expect("leaf params")
        .signed_by(&key, issuer)
        .expect("leaf certificate");
    let der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    let signer = rustls::crypto::ring::sign::any_supported_type(&der).expect("signing key");
    rustls::sign::CertifiedKey::new(vec![CertificateDer::from(cert.der().to_vec())], signer)
}

impl TestHttps {
    /// Serves `pages` (host name → answer); hosts in `untrusted` get a
    /// certificate from an authority that is not in the CA file.
    pub fn start(pages: HashMap<String, Page>, untrusted: &[&str]) -> TestHttps {
        let (trusted, ca_pem) = authority("Test authority");
        let (stranger, _) = authority("Unknown authority");
        let mut resolver = rustls::server::ResolvesServerCertUsingSni::new();
        for host in pages.keys() {
            let issuer = if untrusted.contains(&host.as_str()) {
                &stranger
            } else {
                &trusted
            };
            resolver
                .add(host, leaf(host, issuer))
                .expect("add certificate");
        }
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("protocols")
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(resolver));
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let ca_file = std::env::temp_dir().join(format!(
            "esm-test-ca-{}-{}.pem",
            std::process::id(),
            rand_suffix()
        ));
        std::fs::write(&ca_file, ca_pem).expect("write CA file");
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind");
        let addr = listener.local_addr().expect("address");
        let pages = Arc::new(pages);
        runtime.spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    continue;
                };
                let acceptor = acceptor.clone();
                let pages = Arc::clone(&pages);
                tokio::spawn(async move {
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let host = tls.get_ref().1.server_name().unwrap_or("").to_string();
                    let mut request = Vec::new();
                    let mut buf = [0u8; 1024];
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") && request.len() < 16384 {
                        match tls.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => request.extend_from_slice(&buf[..n]),
                        }
                    }
                    let page = pages.get(&host).cloned().unwrap_or(Page {
                        status: 404,
                        headers: Vec::new(),
                        body: Vec::new(),
                    });
                    let mut head = format!("HTTP/1.1 {} X\r\n", page.status);
                    for (k, v) in &page.headers {
                        head.push_str(&format!("{k}: {v}\r\n"));
                    }
                    head.push_str(&format!(
                        "Content-Length: {}\r\nConnection: close\r\n\r\n",
                        page.body.len()
                    ));
                    let _ = tls.write_all(head.as_bytes()).await;
                    let _ = tls.write_all(&page.body).await;
                    let _ = tls.shutdown().await;
                });
            }
        });
        TestHttps {
            addr,
            ca_file,
            runtime: Some(runtime),
        }
    }
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0);
    h.finish()
}

impl Drop for TestHttps {
    fn drop(&mut self) {
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
        let _ = std::fs::remove_file(&self.ca_file);
    }
}
