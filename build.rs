//! Windows only: gives both .exe files the icon and version information
//! (Explorer's Properties > Details, the taskbar, the installer's entries).
//! Elsewhere the icon comes from the bundle or the .desktop file, and this
//! does nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/esm-assistant.ico");
    // The target's system, not the one building: this also runs when
    // cross-building from Linux with mingw-w64.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icon/esm-assistant.ico")
        .set("ProductName", "e-securemail setup assistant")
        .set("FileDescription", "e-securemail setup assistant")
        .set("CompanyName", "e-securemail")
        .set("LegalCopyright", "MIT licence");
    // A build that cannot embed them must stop here, not ship an .exe
    // without its icon.
    if let Err(error) = resource.compile() {
        println!("cargo:warning=Windows resources: {error}");
        std::process::exit(1);
    }
}
