//! HeyGen's main job after creating a video: wait for the render, then
//! download it. Both are the generic machinery ([`wait_for`] and
//! [`download_output`](crate::runtime::download_output)) applied to Get Video with HeyGen's advice:
//!
//! - polls start at 2 s and back off to 30 s, for at most 20 minutes
//!   (renders take 5 to 15, sometimes over 20);
//! - `failed` is [`Error::JobFailed`] with HeyGen's `failure_code` and
//!   `failure_message`; running out of time is [`Error::WaitTimedOut`] with
//!   the video id and the last status;
//! - a poll that fails transiently does not end the wait, and a completed
//!   video whose `video_url` has not appeared yet is polled a little longer;
//! - the download goes to the presigned link's own host without
//!   credentials, and an expired link is replaced by a fresh one once.

use std::future::{Future, IntoFuture};
use std::path::PathBuf;
use std::pin::Pin;
use std::time::Duration;

use crate::runtime::{
    download_output, wait_for, DownloadProgress, Downloaded, WaitOptions, WaitOutcome, WaitProgress,
};
use crate::types::VideoDetail;
use crate::{Client, Error};

type Boxed<'a, T> = Pin<Box<dyn Future<Output = Result<T, Error>> + Send + 'a>>;

/// A caller's callback, seeing each report of type `P`.
type Callback<'a, P> = Option<Box<dyn FnMut(&P) + Send + 'a>>;

impl Client {
    /// Waits for video `video_id` to finish rendering and returns it, with
    /// its `video_url`. Await the returned builder; set a callback for
    /// every poll with [`on_progress`](VideoWait::on_progress).
    ///
    /// Defaults: polls from 2 s backing off to 30 s, a 20-minute limit
    /// ([`WaitOptions::default`]). A status other than `completed` that
    /// ends the render (`failed`, or one HeyGen adds) is
    /// [`Error::JobFailed`]; a status this client does not know yet is
    /// waited through.
    pub fn wait_for_video(&self, video_id: impl Into<String>) -> VideoWait<'_> {
        VideoWait {
            client: self,
            video_id: video_id.into(),
            options: WaitOptions::default(),
            on_progress: None,
        }
    }

    /// Downloads a completed video's `video_url` to `path`. Await the
    /// returned builder; follow the bytes with
    /// [`on_progress`](VideoDownload::on_progress).
    ///
    /// The file appears at `path` only once it is whole: it is written
    /// beside it under a temporary name first. No credential is sent to
    /// the download host. If the link has expired (the host answers 403,
    /// 404 or 410), the video is read again for a fresh link, once.
    pub fn download_video(
        &self,
        video: &VideoDetail,
        path: impl Into<PathBuf>,
    ) -> VideoDownload<'_> {
        VideoDownload {
            client: self,
            video: video.clone(),
            path: path.into(),
            on_progress: None,
        }
    }

    async fn read_video(&self, video_id: &str) -> Result<VideoDetail, Error> {
        self.get_video_v3()
            .video_id(video_id)
            .send()
            .await?
            .into_data()
    }
}

/// A wait for a video, from [`Client::wait_for_video`]: await it.
#[must_use = "a wait does nothing until awaited"]
pub struct VideoWait<'a> {
    client: &'a Client,
    video_id: String,
    options: WaitOptions,
    on_progress: Callback<'a, WaitProgress>,
}

impl std::fmt::Debug for VideoWait<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VideoWait")
            .field("video_id", &self.video_id)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl<'a> VideoWait<'a> {
    /// Gives up after `limit` ([`Error::WaitTimedOut`]); 20 minutes by
    /// default.
    pub fn timeout(mut self, limit: Duration) -> Self {
        self.options.timeout = limit;
        self
    }

    /// Replaces every setting of the wait (intervals, limit, tolerated
    /// failures, how long a lagging `video_url` is waited for).
    pub fn options(mut self, options: WaitOptions) -> Self {
        self.options = options;
        self
    }

    /// Calls `f` after every poll that answered, with the status read
    /// ([`WaitProgress::changed`] says whether it is new) and the time
    /// waited so far.
    pub fn on_progress(mut self, f: impl FnMut(&WaitProgress) + Send + 'a) -> Self {
        self.on_progress = Some(Box::new(f));
        self
    }
}

impl<'a> IntoFuture for VideoWait<'a> {
    type Output = Result<VideoDetail, Error>;
    type IntoFuture = Boxed<'a, VideoDetail>;

    fn into_future(self) -> Self::IntoFuture {
        let VideoWait {
            client,
            video_id,
            mut options,
            mut on_progress,
        } = self;
        Box::pin(async move {
            // A status added after this client was generated is waited
            // through; the time limit still bounds the wait.
            options.keep_waiting_on_unknown = true;
            let poll = || client.read_video(&video_id);
            let outcome = wait_for(poll, options, |p| {
                if let Some(f) = on_progress.as_mut() {
                    f(p)
                }
            })
            .await?;
            match outcome {
                WaitOutcome::Completed(video) => Ok(video),
                // A render that stopped without completing did not produce
                // a video: the same as a failure for the caller.
                other => {
                    let video = other.into_resource();
                    Err(Error::JobFailed {
                        id: Some(video.id.clone()),
                        status: video.status.to_string(),
                        code: video.failure_code.clone(),
                        message: video.failure_message.clone(),
                        resource: Box::new(
                            serde_json::to_value(&video).unwrap_or(serde_json::Value::Null),
                        ),
                    })
                }
            }
        })
    }
}

/// A download of a video, from [`Client::download_video`]: await it.
#[must_use = "a download does nothing until awaited"]
pub struct VideoDownload<'a> {
    client: &'a Client,
    video: VideoDetail,
    path: PathBuf,
    on_progress: Callback<'a, DownloadProgress>,
}

impl std::fmt::Debug for VideoDownload<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The link is a bearer credential for the file until it expires.
        f.debug_struct("VideoDownload")
            .field("video_id", &self.video.id)
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl<'a> VideoDownload<'a> {
    /// Calls `f` after every piece written, with the bytes so far and the
    /// size the host announced.
    pub fn on_progress(mut self, f: impl FnMut(&DownloadProgress) + Send + 'a) -> Self {
        self.on_progress = Some(Box::new(f));
        self
    }
}

impl<'a> IntoFuture for VideoDownload<'a> {
    type Output = Result<Downloaded, Error>;
    type IntoFuture = Boxed<'a, Downloaded>;

    fn into_future(self) -> Self::IntoFuture {
        let VideoDownload {
            client,
            video,
            path,
            on_progress,
        } = self;
        Box::pin(async move {
            let mut on_progress = on_progress.unwrap_or_else(|| Box::new(|_| {}));
            let refresh = || client.read_video(&video.id);
            download_output(
                crate::runtime::GeneratedClient::inner(client),
                &video,
                refresh,
                &path,
                &mut *on_progress,
            )
            .await
        })
    }
}
