//! HeyGen's main job, from clone to a video file: create an avatar video
//! from a script, wait for the render, download the MP4.
//!
//! ```text
//! cargo run -p heygen-api --example quickstart -- [--avatar-id ID] [--voice-id ID]
//!     [--script TEXT] [--image PATH] [--out FILE]
//! ```
//!
//! Without `HEYGEN_API_KEY` it runs against `heygen_api::testing::FakeHeyGen`,
//! a stand-in for HeyGen on 127.0.0.1 that renders in a few seconds: no key,
//! no network. With the key it calls HeyGen (or `HEYGEN_BASE_URL`), and
//! needs `--avatar-id` or `--image` (an image is uploaded first, and the
//! video made from it).
//!
//! Bad input (a missing avatar, an unreadable image, an output path that
//! cannot be written, a malformed `HEYGEN_BASE_URL`) prints one line and
//! exits with status 2; a failed render or call prints one line with
//! HeyGen's code and exits with status 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use heygen_api::testing::{FakeHeyGen, RenderTimes};
use heygen_api::types::{
    AssetId, CreateVideoFromAvatar, CreateVideoFromAvatarScript, CreateVideoFromImage,
    CreateVideoFromImageImage, CreateVideoFromImageScript, CreateVideoV3RequestBody,
};
use heygen_api::{Client, Error, WaitOptions};
use indicatif::{ProgressBar, ProgressStyle};

const USAGE: &str = "\
Create a HeyGen avatar video from a script, wait for it, and download it.

Usage: cargo run -p heygen-api --example quickstart -- [OPTIONS]

Options:
  --avatar-id ID   the avatar to speak (live mode needs this or --image)
  --voice-id ID    the voice (default: the avatar's own)
  --script TEXT    what to say
  --image PATH     a picture to animate instead of an avatar; uploaded first
  --out FILE       where to save the MP4 (default: <video id>.mp4)
  --help           this text

Without HEYGEN_API_KEY, a local stand-in for HeyGen answers (no network).
With it, HeyGen does (HEYGEN_BASE_URL overrides the address).";

const DEFAULT_SCRIPT: &str = "Hello from Rust! This video was made with the heygen-api crate.";

/// HeyGen's cap on uploaded assets.
const MAX_IMAGE_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug, Default)]
struct Args {
    avatar_id: Option<String>,
    voice_id: Option<String>,
    script: Option<String>,
    image: Option<PathBuf>,
    out: Option<PathBuf>,
}

/// Why the example stops early: bad input (exit 2) or a failed run (exit 1).
enum Stop {
    Usage(String),
    Failed(String),
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(why) => return stop(Stop::Usage(why)),
    };
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(why) => stop(why),
    }
}

fn stop(why: Stop) -> ExitCode {
    match why {
        Stop::Usage(line) => {
            eprintln!("quickstart: {line}");
            ExitCode::from(2)
        }
        Stop::Failed(line) => {
            eprintln!("quickstart: {line}");
            ExitCode::FAILURE
        }
    }
}

fn parse(mut words: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut args = Args::default();
    while let Some(word) = words.next() {
        let mut value = |flag: &str| {
            words
                .next()
                .filter(|v| !v.trim().is_empty())
                .ok_or_else(|| format!("{flag} needs a value (see --help)"))
        };
        match word.as_str() {
            "--help" | "-h" => return Ok(None),
            "--avatar-id" => args.avatar_id = Some(value("--avatar-id")?),
            "--voice-id" => args.voice_id = Some(value("--voice-id")?),
            "--script" => args.script = Some(value("--script")?),
            "--image" => args.image = Some(PathBuf::from(value("--image")?)),
            "--out" => args.out = Some(PathBuf::from(value("--out")?)),
            other => return Err(format!("unknown argument `{other}` (see --help)")),
        }
    }
    Ok(Some(args))
}

async fn run(args: Args) -> Result<(), Stop> {
    // Checked before anything is sent: bad input costs no render.
    check_base_url()?;
    let image = match &args.image {
        Some(path) => Some(read_image(path)?),
        None => None,
    };
    if let Some(out) = &args.out {
        check_writable(out)?;
    }

    // Without a key, a stand-in answers; it renders in about four seconds.
    let mut stand_in = None;
    let (client, options) = if std::env::var_os("HEYGEN_API_KEY").is_some() {
        if args.avatar_id.is_none() && image.is_none() {
            return Err(Stop::Usage(
                "live mode needs --avatar-id ID or --image PATH (see --help)".into(),
            ));
        }
        let client = Client::from_env().map_err(|e| Stop::Usage(e.to_string()))?;
        println!("mode: live — calling {}", client.base_url());
        (client, WaitOptions::default())
    } else {
        let heygen = FakeHeyGen::start()
            .await
            .map_err(|e| Stop::Failed(format!("cannot start the local stand-in: {e}")))?;
        heygen.render_times(RenderTimes {
            pending: Duration::from_secs(1),
            processing: Duration::from_secs(2),
            url_lag: Duration::from_millis(500),
        });
        println!(
            "mode: embedded — HEYGEN_API_KEY is not set; a stand-in for HeyGen answers at {}",
            heygen.url()
        );
        let client = heygen.client();
        stand_in = Some(heygen);
        // Its renders take seconds, not minutes: poll more often.
        let options =
            WaitOptions::default().interval(Duration::from_millis(500), Duration::from_secs(1));
        (client, options)
    };

    let script = args.script.unwrap_or_else(|| DEFAULT_SCRIPT.to_string());
    let body = match image {
        Some((path, size)) => {
            println!("uploading {} ({size} bytes) ...", path.display());
            let asset = client
                .upload_asset()
                .file_path("file", &path)
                .send()
                .await
                .and_then(|r| r.into_data())
                .map_err(failed)?;
            println!("uploaded: asset {}", asset.asset_id);
            image_video(asset.asset_id, &script, args.voice_id)?
        }
        None => {
            let avatar = args.avatar_id.unwrap_or_else(|| "demo_avatar".into());
            avatar_video(avatar, &script, args.voice_id)?
        }
    };

    // Create Video bills per second and declares no Idempotency-Key: the
    // client sends it once, whatever happens.
    let created = client
        .create_video()
        .body(body)
        .send()
        .await
        .and_then(|r| r.into_data())
        .map_err(failed)?;
    println!("created video {}", created.video_id);

    let started = Instant::now();
    let video = client
        .wait_for_video(&created.video_id)
        .options(options)
        .on_progress(|p| {
            if p.changed {
                let status = p.status.as_deref().unwrap_or("(none)");
                println!("  {:>6.1} s  {status}", p.elapsed.as_secs_f64());
            }
        })
        .await
        .map_err(failed)?;
    println!("rendered in {:.1} s", started.elapsed().as_secs_f64());

    let out = args
        .out
        .unwrap_or_else(|| PathBuf::from(format!("{}.mp4", video.id)));
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("  {bar:40} {bytes}/{total_bytes} {bytes_per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let saved = client
        .download_video(&video, &out)
        .on_progress(|p| {
            if let Some(total) = p.total {
                bar.set_length(total);
            }
            bar.set_position(p.written);
        })
        .await;
    bar.finish();
    let saved = saved.map_err(failed)?;

    println!("done:");
    println!("  video id  {}", video.id);
    println!("  file      {}", saved.path.display());
    println!("  size      {} bytes", saved.bytes);
    match video.duration {
        Some(seconds) => println!("  duration  {seconds:.1} s"),
        None => println!("  duration  (not reported)"),
    }
    drop(stand_in);
    Ok(())
}

/// The title the quickstart's videos get in the HeyGen dashboard.
const TITLE: &str = "heygen-api quickstart";

/// The script as the request type takes it (each kind of video has its
/// own type for it, with the spec's `minLength`).
fn script_of<T: std::str::FromStr>(text: &str) -> Result<T, Stop> {
    text.parse()
        .map_err(|_| Stop::Usage("--script must not be empty".into()))
}

fn avatar_video(
    avatar_id: String,
    script: &str,
    voice_id: Option<String>,
) -> Result<CreateVideoV3RequestBody, Stop> {
    let mut video = CreateVideoFromAvatar::builder()
        .avatar_id(avatar_id)
        .script(script_of::<CreateVideoFromAvatarScript>(script)?)
        .title(TITLE);
    if let Some(voice_id) = voice_id {
        video = video.voice_id(voice_id);
    }
    let video: CreateVideoFromAvatar = video.try_into().map_err(|e| Stop::Usage(format!("{e}")))?;
    Ok(video.into())
}

fn image_video(
    asset_id: String,
    script: &str,
    voice_id: Option<String>,
) -> Result<CreateVideoV3RequestBody, Stop> {
    let image = CreateVideoFromImageImage::Id(AssetId { asset_id });
    let mut video = CreateVideoFromImage::builder()
        .image(image)
        .script(script_of::<CreateVideoFromImageScript>(script)?)
        .title(TITLE);
    if let Some(voice_id) = voice_id {
        video = video.voice_id(voice_id);
    }
    let video: CreateVideoFromImage = video.try_into().map_err(|e| Stop::Usage(format!("{e}")))?;
    Ok(video.into())
}

/// One line for a failed call: HeyGen's failure code for a failed render,
/// its error code and request id for a refused call.
fn failed(e: Error) -> Stop {
    Stop::Failed(match &e {
        Error::JobFailed {
            id, code, message, ..
        } => format!(
            "video {} failed: {} ({})",
            id.as_deref().unwrap_or("?"),
            code.as_deref().unwrap_or("no failure code"),
            message.as_deref().unwrap_or("no message")
        ),
        Error::Api(api) => format!(
            "HeyGen answered {} {}: {} (request id {})",
            api.status.as_u16(),
            api.code.as_deref().unwrap_or("-"),
            api.message.as_deref().unwrap_or("-"),
            api.request_id.as_deref().unwrap_or("none")
        ),
        other => other.to_string(),
    })
}

/// A set `HEYGEN_BASE_URL` must be a usable URL.
fn check_base_url() -> Result<(), Stop> {
    let Ok(url) = std::env::var("HEYGEN_BASE_URL") else {
        return Ok(());
    };
    if url.trim().is_empty() {
        return Ok(());
    }
    Client::builder()
        .api_key("check")
        .base_url(url.trim())
        .build()
        .map(|_| ())
        .map_err(|e| Stop::Usage(format!("HEYGEN_BASE_URL: {e}")))
}

/// The image's path and size, checked before anything is sent: a kind
/// HeyGen takes for an image video, within its 32 MB limit. The upload then
/// streams it from disk.
fn read_image(path: &Path) -> Result<(PathBuf, u64), Stop> {
    let shown = path.display();
    let size = std::fs::metadata(path)
        .map_err(|e| Stop::Usage(format!("--image {shown}: {e}")))?
        .len();
    if size > MAX_IMAGE_BYTES {
        return Err(Stop::Usage(format!(
            "--image {shown}: {size} bytes is over HeyGen's 32 MB limit"
        )));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    if !matches!(ext.as_str(), "png" | "jpg" | "jpeg" | "webp") {
        return Err(Stop::Usage(format!(
            "--image {shown}: expected a .png, .jpg or .webp file"
        )));
    }
    Ok((path.to_path_buf(), size))
}

/// Whether a file can be made at `out`, found out before any render is paid
/// for (the download itself writes beside it and renames).
fn check_writable(out: &Path) -> Result<(), Stop> {
    let shown = out.display();
    if out.is_dir() {
        return Err(Stop::Usage(format!("--out {shown}: is a directory")));
    }
    let Some(name) = out.file_name() else {
        return Err(Stop::Usage(format!("--out {shown}: names no file")));
    };
    let mut probe_name = std::ffi::OsString::from(".");
    probe_name.push(name);
    probe_name.push(".probe");
    let probe = out.with_file_name(probe_name);
    std::fs::File::create(&probe)
        .and_then(|_| std::fs::remove_file(&probe))
        .map_err(|e| Stop::Usage(format!("--out {shown}: cannot write there: {e}")))
}
